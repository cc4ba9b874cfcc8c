/**
 * The built-in meeting kinds as data: one JSON file each, in the order the unit lists them
 * (docs/meeting-kinds.md, "The format"). ../index.ts reads each with `builtInKind`.
 */
import initialConference from './initial-conference.json' with { type: 'json' };
import reviewConference from './review-conference.json' with { type: 'json' };
import coreGroup from './core-group.json' with { type: 'json' };
import cicReview from './cic-review.json' with { type: 'json' };
import cinReview from './cin-review.json' with { type: 'json' };
import lifeAppreciationDay from './life-appreciation-day.json' with { type: 'json' };
import disruptionMeeting from './disruption-meeting.json' with { type: 'json' };
import reg33Visit from './reg33-visit.json' with { type: 'json' };
import exploitationGroup from './exploitation-group.json' with { type: 'json' };
import fosterCarerReview from './foster-carer-review.json' with { type: 'json' };
import ladoStrategy from './lado-strategy.json' with { type: 'json' };
import missingFromHome from './missing-from-home.json' with { type: 'json' };

/** Each file's name and its contents, not yet read. */
export const builtInKindFiles: readonly { file: string; data: unknown }[] = [
	{ file: 'initial-conference.json', data: initialConference },
	{ file: 'review-conference.json', data: reviewConference },
	{ file: 'core-group.json', data: coreGroup },
	{ file: 'cic-review.json', data: cicReview },
	{ file: 'cin-review.json', data: cinReview },
	{ file: 'life-appreciation-day.json', data: lifeAppreciationDay },
	{ file: 'disruption-meeting.json', data: disruptionMeeting },
	{ file: 'reg33-visit.json', data: reg33Visit },
	{ file: 'exploitation-group.json', data: exploitationGroup },
	{ file: 'foster-carer-review.json', data: fosterCarerReview },
	{ file: 'lado-strategy.json', data: ladoStrategy },
	{ file: 'missing-from-home.json', data: missingFromHome }
];
