/**
 * Building blocks the professionals' documents share: the register, decisions with reasons and
 * dissent, the plan with who and by when, the risk summary, and each section's words with
 * their authors (restricted passages marked).
 */
import { withMeeting, type ConcernHistory } from '../risk/history';
import { reportStateWords, sharesReportsWithParents } from '../domain/report-register';
import {
	calendarDateOf,
	categoryLabels,
	dateInWords,
	listInWords,
	nextStepWords,
	numberInWords,
	type ChildTally,
	sectionForRoot,
	type TemplateSection
} from '../domain';
import { roots } from '../collab/roots';
import {
	childName,
	childNames,
	decisionTallies,
	nameWithAgency,
	paragraphsOf,
	participantById,
	planByOutcome,
	riskConcerns,
	roleWords,
	type DocumentInput,
	type DocumentParticipant
} from './input';
import type { Block, DocumentSection } from './model';
import { attendanceInDocuments } from '../domain/labels';

/** "present online, arrived late" — one person's line of the register. */
export function attendanceInWords(p: DocumentParticipant): string {
	const late = p.arrivedLate && p.attendance !== 'invited' ? ', arrived late' : '';
	return attendanceInDocuments[p.attendance] + late;
}

/** The facts every professionals' document opens with: which meeting, when, about whom, who chaired; then any of its own. */
export function meetingFactsBlock(
	input: DocumentInput,
	extra: { term: string; value: string }[]
): Block {
	const { meeting } = input;
	return {
		type: 'facts',
		items: [
			{ term: 'Meeting', value: input.template.label },
			{ term: 'Date', value: dateInWords(meeting.date) },
			{ term: 'Children', value: childNames(input) },
			{ term: 'Chair', value: meeting.chairName },
			...extra
		]
	};
}

/** Who was invited, who came, who sent apologies, and each report: received? shared with parents beforehand? */
export function registerBlocks(input: DocumentInput): Block[] {
	const rows = input.participants.map((p) => [
		p.name,
		p.agency ?? roleWords(p.role),
		attendanceInWords(p),
		p.reportRequested || p.reportReceived
			? p.reportReceived
				? 'received'
				: 'requested, not received'
			: 'not requested',
		p.reportReceived ? (p.reportSharedWithParents ? 'yes' : 'no') : '—'
	]);
	const forParents = sharesReportsWithParents(input.meeting.kind);
	if (!forParents) for (const row of rows) row.pop();
	const apologies = input.participants
		.filter((p) => p.attendance === 'apologies')
		.map((p) =>
			// Only those who might send a report are said to have sent one or not (no interpreter does).
			p.role === 'parent' || p.role === 'child' || p.role === 'chair' || p.role === 'interpreter'
				? nameWithAgency(p)
				: `${nameWithAgency(p)}, ${p.reportReceived ? 'report sent' : 'no report sent'}`
		);
	const blocks: Block[] = [
		{
			type: 'table',
			caption: 'Attendance and reports',
			head: [
				'Name',
				'Agency or role',
				'Attendance',
				'Report',
				...(forParents ? ['Report shared with parents beforehand'] : [])
			],
			rows
		}
	];
	blocks.push({
		type: 'paragraph',
		text: apologies.length ? `Apologies: ${listInWords(apologies)}.` : 'Apologies: none.'
	});
	const notRecorded = input.participants.filter((p) => p.attendance === 'invited');
	if (notRecorded.length)
		blocks.push({
			type: 'paragraph',
			text: `The register was not taken for ${listInWords(notRecorded.map(nameWithAgency))}.`
		});
	blocks.push(...quorumBlocks(input));
	const notShared = input.participants
		.filter((p) => p.reportReceived && !p.reportSharedWithParents)
		.map(nameWithAgency);
	if (notShared.length && forParents)
		blocks.push({
			type: 'paragraph',
			text: `Reports not shared with the parents before the meeting: ${listInWords(notShared)}.`
		});
	blocks.push(...reportBlocks(input));
	return blocks;
}

/**
 * The register of reports (issue 21): each report, who it is from and where it stands, with
 * the days it was received and shared with the parents and when they first opened it, in
 * words that fit the kind of meeting. Nothing when the register is empty.
 */
export function reportBlocks(input: DocumentInput): Block[] {
	const entries = input.reports ?? [];
	if (!entries.length) return [];
	const day = (iso: string) => dateInWords(calendarDateOf(new Date(iso)));
	const items = entries.map((e) => {
		const from = e.agency ? `${e.from}, ${e.agency}` : e.from;
		const opened =
			e.state === 'shared' && e.parentsFirstOpenedAt && sharesReportsWithParents(input.meeting.kind)
				? `; the parents first opened it on ${day(e.parentsFirstOpenedAt)}`
				: '';
		return `${e.title} (${from}): ${reportStateWords(e, input.meeting.kind, day)}${opened}.`;
	});
	return [
		{ type: 'paragraph', text: 'Reports, as the meeting’s register of reports holds them:' },
		{ type: 'list', items }
	];
}

/** A conference's quorum as the register shows it: quorate or not, which agencies, the rule. */
export function quorumBlocks(input: DocumentInput): Block[] {
	const quorum = input.quorum;
	if (!quorum) return [];
	const agencies = quorum.agenciesPresent.length
		? `agencies present: ${listInWords(quorum.agenciesPresent)}`
		: 'no agency present';
	return [
		{
			type: 'paragraph',
			text: quorum.quorate
				? `Quorate: ${agencies}. The rule: ${quorum.rule}`
				: `Not quorate: ${listInWords(quorum.lacking)} (${agencies}). The rule: ${quorum.rule}`
		}
	];
}

/** What End meeting warned of, and the chair's reason for ending all the same (and what happens next). */
export function endConfirmationBlocks(input: DocumentInput): Block[] {
	const confirmation = input.endConfirmation;
	if (!confirmation) return [];
	const warned = confirmation.problems.map((p) =>
		p.kind === 'not-quorate' ? 'the meeting was not quorate' : 'the register was not complete'
	);
	const items = [
		{ term: 'Ended although', value: listInWords(warned) },
		{ term: "The chair's reason", value: confirmation.reason }
	];
	if (confirmation.nextStep)
		items.push({ term: 'What happens next', value: nextStepWords[confirmation.nextStep] });
	return [{ type: 'facts', items }];
}

/** "No police…" → "no police…" after "because", but not "I…" or a name-like word ("Chrissie"). */
function lowerFirst(text: string): string {
	const first = text.split(/\s+/)[0] ?? '';
	return /^[A-Z][a-z]+$/.test(first) &&
		[
			'No',
			'The',
			'There',
			'This',
			'It',
			'We',
			'He',
			'She',
			'They',
			'A',
			'An',
			'Home',
			'Her',
			'His'
		].includes(first)
		? text[0].toLowerCase() + text.slice(1)
		: text;
}

function authorOf(input: DocumentInput, authors: string[]): string | undefined {
	return authors.length ? listInWords(authors) : undefined;
}

/** One participant's contribution (and, for professionals' documents, their restricted passages). */
export function contributionBlocks(
	input: DocumentInput,
	participant: DocumentParticipant,
	withRestricted: boolean
): Block[] {
	const blocks: Block[] = [];
	const paragraphs = paragraphsOf(input, roots.contribution(participant.id));
	for (const p of paragraphs)
		blocks.push({ type: 'paragraph', text: p.text, author: nameWithAgency(participant) });
	const restricted = input.restricted[participant.id] ?? [];
	if (withRestricted && restricted.length)
		blocks.push({
			type: 'restricted',
			author: nameWithAgency(participant),
			paragraphs: restricted
		});
	return blocks;
}

/** The shared notes of a `section:{key}` root, with who wrote them. */
export function sectionNoteBlocks(input: DocumentInput, key: string): Block[] {
	return paragraphsOf(input, roots.section(key)).map((p) => ({
		type: 'paragraph',
		text: p.text,
		author: authorOf(input, p.authors)
	}));
}

/** "Plan (category: neglect)" — the chair's outcome for one child. */
export function outcomeWords(
	outcome: { outcome: 'plan' | 'no-plan'; category?: keyof typeof categoryLabels } | null
): string {
	if (!outcome) return 'not recorded';
	if (outcome.outcome === 'no-plan') return 'no child protection plan';
	return `child protection plan, category: ${outcome.category ? categoryLabels[outcome.category] : 'not set'}`;
}

/**
 * How the views fell, honestly: how many voting professionals were present, how many gave a
 * view, for and against; "unanimous" only when every one present gave a view and all agreed.
 */
export function viewsInWords(tally: ChildTally): string {
	const counts = `${tally.plan} for a plan, ${tally.noPlan} for no plan`;
	const n = tally.votersPresent;
	const professionals = n === 1 ? 'voting professional' : 'voting professionals';
	if (n === 0) return 'No voting professional was present to give a view.';
	if (tally.gaveView === 0)
		return `${capitalise(numberInWords(n))} ${professionals} present; none gave a view.`;
	if (tally.noView.length === 0)
		return n === 1
			? `The one voting professional present gave a view: ${counts}.`
			: `All ${numberInWords(n)} ${professionals} present gave a view: ${counts}${tally.unanimous ? ' (unanimous)' : ''}.`;
	return `${capitalise(numberInWords(n))} ${professionals} present; ${numberInWords(tally.gaveView)} gave a view: ${counts}.`;
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Decisions per child: the outcome and its reason, how the views fell, every view with its reason, and the dissent. */
export function decisionBlocks(input: DocumentInput): Block[] {
	const blocks: Block[] = [];
	const notQuorate = input.quorum ? !input.quorum.quorate : false;
	for (const tally of decisionTallies(input)) {
		const name = childName(input, tally.childId);
		const items = [
			{
				term: `Decision for ${name}`,
				value:
					outcomeWords(tally.outcome) +
					(notQuorate && tally.outcome ? ' (taken when the conference was not quorate)' : '')
			}
		];
		if (tally.outcome)
			items.push({
				term: "The chair's reason",
				value: tally.outcome.reason || 'not recorded (recorded before a reason was required)'
			});
		items.push({ term: 'Views', value: viewsInWords(tally) });
		if (tally.noView.length)
			items.push({
				term: 'No view given',
				value: listInWords(
					tally.noView.map((id) => {
						const who = participantById(input, id);
						if (!who) return 'a participant';
						return (
							nameWithAgency(who) +
							(who.attendance === 'invited' ? ' (attendance not recorded)' : '')
						);
					})
				)
			});
		if (notQuorate && tally.outcome && input.endConfirmation?.nextStep)
			items.push({
				term: 'What happens next',
				value: nextStepWords[input.endConfirmation.nextStep]
			});
		blocks.push({ type: 'facts', items });
		if (tally.decisions.length) {
			blocks.push({
				type: 'table',
				caption: `Each view about ${name}, with its reason`,
				head: ['Who', 'View', 'Why'],
				rows: tally.decisions.map((d) => {
					const who = participantById(input, d.participantId);
					return [
						who ? nameWithAgency(who) : 'a participant',
						d.recommendation === 'plan' ? 'plan' : 'no plan',
						d.reason
					];
				})
			});
		}
		for (const d of tally.dissent) {
			const who = participantById(input, d.participantId);
			blocks.push({
				type: 'paragraph',
				text: `Dissent: ${who ? nameWithAgency(who) : 'a participant'} recommended ${d.recommendation === 'plan' ? 'a plan' : 'no plan'} because ${lowerFirst(d.reason.replace(/^\s*because\s+/i, ''))}`
			});
		}
	}
	return blocks;
}

/** The plan: each outcome with its actions as a table of what, who and by when. */
export function planBlocks(input: DocumentInput, opts: { outcomesLabel?: string } = {}): Block[] {
	const { grouped, loose } = planByOutcome(input);
	const blocks: Block[] = [];
	const actionRows = (actions: { what: string; who: string; byWhen: string }[]) =>
		actions.map((a) => [a.what, a.who || 'not set', dateInWords(a.byWhen)]);
	for (const { outcome, actions } of grouped) {
		const label = opts.outcomesLabel ?? 'Outcome';
		const forChild =
			input.meeting.children.length > 1 ? ` (${childName(input, outcome.childId)})` : '';
		blocks.push({ type: 'paragraph', text: `${label}${forChild}: ${outcome.text}` });
		if (actions.length)
			blocks.push({
				type: 'table',
				caption: `Actions for: ${outcome.text}`,
				head: ['What', 'Who', 'By when'],
				rows: actionRows(actions)
			});
	}
	if (loose.length)
		blocks.push({
			type: 'table',
			caption: 'Other actions',
			head: ['What', 'Who', 'By when'],
			rows: actionRows(loose)
		});
	if (!grouped.length && !loose.length)
		blocks.push({ type: 'paragraph', text: 'No outcomes or actions were recorded.' });
	return blocks;
}

/** Core group, lead social worker, dates and contingency. */
export function planFactBlocks(
	input: DocumentInput,
	which: ('core' | 'lead' | 'first' | 'review' | 'contingency')[]
): Block[] {
	const plan = input.record.plan;
	const items: { term: string; value: string }[] = [];
	if (which.includes('lead'))
		items.push({ term: 'Lead social worker', value: plan.leadSocialWorker || 'not set' });
	if (which.includes('core'))
		items.push({
			term: 'Core group',
			value: plan.coreGroup.length ? listInWords(plan.coreGroup) : 'not set'
		});
	if (which.includes('first'))
		items.push({ term: 'First core group', value: dateInWords(plan.firstCoreGroup) });
	if (which.includes('review')) items.push({ term: 'Review', value: dateInWords(plan.reviewDate) });
	if (which.includes('contingency'))
		items.push({ term: 'Contingency', value: plan.contingency || 'not set' });
	return [{ type: 'facts', items }];
}

/**
 * The risk plot's slot: every concern's scores in this meeting, and its history across the
 * child's meetings (the input's riskHistory with this meeting's frozen record in its place).
 */
export function riskBlock(input: DocumentInput, plain: boolean): Block {
	const concerns = riskConcerns(input);
	const thisMeeting = {
		meeting: {
			id: input.meeting.id,
			date: input.meeting.date,
			kind: input.meeting.kind,
			live: false
		},
		concerns: input.record.concerns,
		ratings: input.record.ratings,
		participants: input.participants
	};
	const byChild = new Map(
		input.meeting.children.map((child) => {
			const known = input.riskHistory?.find((h) => h.childId === child.id) ?? {
				childId: child.id,
				childName: child.name,
				meetings: [],
				concerns: []
			};
			return [child.id, withMeeting(known, thisMeeting)];
		})
	);
	const history = input.record.concerns
		.map((c) => byChild.get(c.childId)?.concerns.find((h) => h.concernId === c.id))
		.filter((h): h is ConcernHistory => h !== undefined);
	return {
		type: 'risk-plot',
		concerns,
		plain,
		...(history.length === concerns.length ? { history } : {})
	};
}

/** Concern cards in full, for the notes. */
export function concernBlocks(input: DocumentInput): Block[] {
	return input.record.concerns.map((c) => ({
		type: 'facts',
		items: [
			{ term: `Concern for ${childName(input, c.childId)}`, value: c.title },
			{ term: 'Day to day', value: c.dayToDay || '—' },
			{ term: 'Impact now', value: c.impactNow || '—' },
			{ term: 'Impact later', value: c.impactLater || '—' },
			{ term: 'What the child says', value: c.childSays || '—' },
			{ term: 'Safety goal', value: c.safetyGoal || '—' }
		]
	}));
}

/**
 * The record section by section, as the agenda ran: each section's notes, the contributions of
 * the people who speak in it (restricted passages marked, for professionals only), decisions,
 * scores and the plan where the section owns them. Contributions no section owns come last.
 */
export function agendaSections(
	input: DocumentInput,
	opts: { withRestricted: boolean }
): DocumentSection[] {
	const placed = new Set<string>();
	const sections: DocumentSection[] = input.template.sections.map((section: TemplateSection) => {
		const blocks: Block[] = [];
		if (section.key === input.template.sections[0].key) blocks.push(...registerBlocks(input));
		for (const root of section.roots) {
			if (root === 'contribution:*') {
				for (const p of input.participants) {
					if (placed.has(p.id)) continue;
					if (sectionForRoot(input.template, roots.contribution(p.id), p.role)?.key !== section.key)
						continue;
					const own = contributionBlocks(input, p, opts.withRestricted);
					if (own.length) {
						placed.add(p.id);
						blocks.push(...own);
					}
				}
			} else if (root === 'decision:*') {
				blocks.push(...decisionBlocks(input));
			} else if (root === 'ratings:*') {
				blocks.push(...concernBlocks(input), riskBlock(input, false));
			} else if (root === 'plan') {
				blocks.push(
					...planBlocks(input),
					...planFactBlocks(input, ['lead', 'core', 'first', 'review', 'contingency'])
				);
			} else if (root.startsWith('section:')) {
				blocks.push(...sectionNoteBlocks(input, root.slice('section:'.length)));
			}
		}
		if (!blocks.length)
			blocks.push({ type: 'paragraph', text: 'Nothing was recorded in this section.' });
		return { heading: section.title, key: section.key, blocks };
	});
	const others: Block[] = [];
	for (const p of input.participants) {
		if (placed.has(p.id)) continue;
		others.push(...contributionBlocks(input, p, opts.withRestricted));
	}
	if (others.length) sections.push({ heading: 'Other contributions', blocks: others });
	return sections;
}
