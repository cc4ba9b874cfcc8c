import { describe, expect, it } from 'vitest';
import {
	checkEndConfirmation,
	checkQuorum,
	endProblems,
	quorumRuleFor,
	quorumRuleWords,
	type RegisterPerson
} from './register';
import { initialConference, reviewConference, coreGroup } from './templates/index';

const person = (
	name: string,
	agency: string | null,
	agencyKind: string | null,
	attendance: RegisterPerson['attendance'],
	role: RegisterPerson['role'] = 'professional'
): RegisterPerson => ({ id: name, name, role, agency, agencyKind, attendance });

const rule = initialConference.quorum!;

describe('the conference quorum', () => {
	it('is the templates’ rule for conferences only, and a unit may set its own minimum', () => {
		expect(reviewConference.quorum).toEqual(rule);
		expect(coreGroup.quorum).toBeUndefined();
		expect(quorumRuleWords(rule)).toBe(
			"At least three agencies present, children's social care among them."
		);
		expect(quorumRuleFor(rule, null)).toBe(rule);
		expect(quorumRuleFor(rule, 4)?.minimumAgencies).toBe(4);
		expect(quorumRuleFor(undefined, 4)).toBeNull();
	});

	it('is met with three agencies present, social care among them, online counting', () => {
		const verdict = checkQuorum(rule, [
			person('Sam', "Northfield Children's Social Care", 'social-care', 'present'),
			person('Jo', 'Northfield Police', 'police', 'present-online'),
			person('Kim', 'Health visiting', 'health-visiting', 'present'),
			person('Ann', 'Health visiting', 'health-visiting', 'present')
		]);
		expect(verdict).toEqual({
			quorate: true,
			agenciesPresent: [
				"Northfield Children's Social Care",
				'Northfield Police',
				'Health visiting'
			],
			rule: quorumRuleWords(rule),
			lacking: []
		});
	});

	it('is not met without social care, or with too few agencies; apologies, absence and leaving early do not count', () => {
		const noSocialCare = checkQuorum(rule, [
			person('Jo', 'Police', 'police', 'present'),
			person('Kim', 'Health', 'health', 'present'),
			person('Tim', 'School', 'school', 'present'),
			person('Sam', 'Social care', 'social-care', 'apologies')
		]);
		expect(noSocialCare.quorate).toBe(false);
		expect(noSocialCare.lacking).toEqual(["children's social care was not present"]);
		const tooFew = checkQuorum(rule, [
			person('Sam', 'Social care', 'social-care', 'present'),
			person('Jo', 'Police', 'police', 'left-early'),
			person('Kim', 'Health', 'health', 'absent'),
			person('Chair', 'Social care unit', 'social-care', 'present', 'chair'),
			person('Mum', null, null, 'present', 'parent')
		]);
		expect(tooFew).toMatchObject({ quorate: false, agenciesPresent: ['Social care'] });
		expect(tooFew.lacking).toEqual(['one agency was present, fewer than three']);
	});
});

describe('what End meeting warns of', () => {
	it('names the people the register was not taken for, and a quorum not met', () => {
		const problems = endProblems({
			rule,
			people: [
				person('Sam Okafor', 'Social care', 'social-care', 'present'),
				person('Jo Reid', 'Police', 'police', 'invited'),
				person('Dawn Walker', null, null, 'invited', 'parent')
			]
		});
		expect(problems.map((p) => p.kind)).toEqual(['register-not-taken', 'not-quorate']);
		expect(problems[0].message).toMatch(
			/^The register has not been taken for Jo Reid and Dawn Walker/
		);
		expect(problems[1].message).toMatch(/^The meeting is not quorate: one agency was present/);
	});

	it('finds nothing when the register is taken and the meeting is quorate, or has no quorum', () => {
		const people = [
			person('Sam', 'Social care', 'social-care', 'present'),
			person('Jo', 'Police', 'police', 'present'),
			person('Kim', 'Health', 'health', 'present-online'),
			person('Dr Lee', 'GP', 'gp', 'apologies')
		];
		expect(endProblems({ rule, people })).toEqual([]);
		expect(endProblems({ rule: null, people: people.slice(0, 1) })).toEqual([]);
	});

	it("asks the chair's reason in a sentence, and keeps what happens next only when not quorate", () => {
		const notQuorate = [{ kind: 'not-quorate' as const, message: 'not quorate' }];
		expect(checkEndConfirmation({ reason: 'ok' }, notQuorate)).toMatchObject({
			ok: false,
			problems: [{ field: 'reason' }]
		});
		expect(
			checkEndConfirmation(
				{ reason: 'Police could not come; the risk is immediate.', nextStep: 'soon' },
				notQuorate
			)
		).toMatchObject({ ok: false, problems: [{ field: 'nextStep' }] });
		expect(
			checkEndConfirmation(
				{ reason: 'Police could not come; the risk is immediate.', nextStep: 'ratify' },
				notQuorate
			)
		).toEqual({
			ok: true,
			confirmation: {
				problems: notQuorate,
				reason: 'Police could not come; the risk is immediate.',
				nextStep: 'ratify'
			}
		});
		const registerOnly = [{ kind: 'register-not-taken' as const, message: 'x' }];
		const checked = checkEndConfirmation(
			{ reason: 'The minute-taker has the paper register.', nextStep: 'ratify' },
			registerOnly
		);
		expect(checked.ok && checked.confirmation.nextStep).toBeNull();
	});
});
