/**
 * The family documents' sentences about the meeting's people: named people instead of roles and
 * agencies, jargon replaced, actions as "who will do what by when". Built on the plain words
 * every screen shares (../domain/plain-words); what is here needs the meeting's input or the
 * jargon glossary.
 */
import {
	categoryLabels,
	familyName,
	planActionSentence,
	subjectsFor,
	type ChildProtectionCategory
} from '../domain';
import type { DocumentInput, DocumentParticipant } from './input';
import { replaceJargon } from './jargon';

/** The job of a professional in plain words, from their agency's name. */
export function plainJob(p: DocumentParticipant): string | null {
	const agency = (p.agency ?? '').toLowerCase();
	if (p.role === 'chair') return 'chair of the meeting';
	if (p.role === 'advocate' || agency.includes('advoca')) return 'advocate';
	if (p.role !== 'professional') return null;
	if (/social (care|work)/.test(agency)) return 'social worker';
	if (agency.includes('police')) return 'police officer';
	if (agency.includes('health visit')) return 'health visitor';
	if (/\bgp\b|surgery|practice|doctor/.test(agency)) return 'family doctor';
	if (/school|academy|college/.test(agency)) return 'teacher';
	if (agency.includes('nursery')) return 'nursery worker';
	if (agency.includes('health') || agency.includes('nurse')) return 'nurse';
	return p.agency ? replaceJargon(p.agency).text : null;
}

/** "Kim Lee, the health visitor" — a name first, the job only to help. */
export function namedPerson(p: DocumentParticipant): string {
	const job = plainJob(p);
	return job && p.role !== 'parent' ? `${familyName(p.name)}, the ${job}` : familyName(p.name);
}

const jobKeywords: [RegExp, RegExp][] = [
	[/social work|\bsw\b|social care/i, /social (care|work)/i],
	[/police|\bpc\b|officer/i, /police/i],
	[/health visitor|\bhv\b/i, /health visit/i],
	[/\bgp\b|doctor|surgery/i, /\bgp\b|surgery|practice|doctor/i],
	[/school|teacher|headteacher/i, /school|academy|college/i],
	[/nursery/i, /nursery/i],
	[/advocate/i, /advoca/i]
];

/**
 * Who does an action, for the family: the person's name where the record names a role or an
 * agency that one person in the meeting fills; jargon replaced otherwise.
 */
export function familyWho(
	who: string,
	input: DocumentInput,
	opts: { withJob?: boolean } = {}
): string {
	const named =
		opts.withJob === false ? (p: DocumentParticipant) => familyName(p.name) : namedPerson;
	const text = who.trim();
	if (!text) return 'Someone (to be agreed)';
	const lower = text.toLowerCase();
	const byName = participantNamed(text, input);
	if (byName) return named(byName);
	const byAgency = input.participants.find(
		(p) => p.agency && lower.includes(p.agency.toLowerCase())
	);
	if (byAgency) return named(byAgency);
	for (const [inWho, inAgency] of jobKeywords) {
		if (!inWho.test(text)) continue;
		const matches = input.participants.filter(
			(p) => p.role !== 'parent' && p.agency && inAgency.test(p.agency)
		);
		if (matches.length === 1) return named(matches[0]);
	}
	if (/lead social worker/i.test(text) && input.record.plan.leadSocialWorker)
		return input.record.plan.leadSocialWorker;
	return replaceJargon(text).text;
}

/** The participant the record's "who" names: by full name, else by a first name only one person has. */
function participantNamed(who: string, input: DocumentInput): DocumentParticipant | null {
	const lower = who.trim().toLowerCase();
	if (!lower) return null;
	const byName = input.participants.find((p) => lower.includes(p.name.toLowerCase()));
	if (byName) return byName;
	const words = lower.split(/[\s,()]+/);
	const byFirst = input.participants.filter((p) =>
		words.includes(p.name.trim().toLowerCase().split(/\s+/)[0])
	);
	return byFirst.length === 1 ? byFirst[0] : null;
}

/**
 * "Kim Lee, the health visitor, will visit every week, by Friday 15 January 2027." Built from
 * the action's parts (./../domain/action-words): a "what" written as a whole sentence by an
 * older record is read, not mangled — "Dawn sets an alarm…" under Dawn becomes "Dawn Walker
 * will set an alarm…"; a sentence about someone else is kept as written.
 */
export function familyAction(
	action: { what: string; who: string; byWhen: string },
	input: DocumentInput
): string {
	const who = familyWho(action.who, input);
	const doer = participantNamed(action.who, input);
	const names = [
		...input.participants.map((p) => p.name),
		...input.meeting.children.map((c) => c.name)
	];
	const subjects = subjectsFor(action.who, doer ? [doer.name, familyName(doer.name)] : []);
	const job = doer ? plainJob(doer) : null;
	if (job) subjects.push(job, `the ${job}`);
	subjects.sort((a, b) => b.length - a.length);
	const sentence = planActionSentence(
		{ who, what: action.what, byWhen: action.byWhen },
		{ subjects, names }
	);
	return replaceJargon(sentence).text;
}

/** The plan's category in plain words: "not getting the care they need". */
export function plainCategory(category: ChildProtectionCategory | undefined): string | null {
	if (!category) return null;
	return replaceJargon(categoryLabels[category]).text.toLowerCase();
}
