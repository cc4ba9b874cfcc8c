/**
 * The family documents' sentences about the meeting's people: named people instead of roles and
 * agencies, jargon replaced, actions as "who will do what by when". Built on the plain words
 * every screen shares (../domain/plain-words); what is here needs the meeting's input or the
 * jargon glossary.
 */
import {
	asSubject,
	categoryLabels,
	dateInWords,
	familyName,
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
	const byName = input.participants.find((p) => lower.includes(p.name.toLowerCase()));
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

/** Lower-cases the first letter of an action ("Visit weekly" → "visit weekly") unless it starts a name. */
function asVerbPhrase(what: string, input: DocumentInput): string {
	const text = what.trim().replace(/[.]+$/, '');
	const firstWord = text.split(/\s+/)[0] ?? '';
	const isName =
		input.participants.some((p) => p.name.split(/\s+/).includes(firstWord)) ||
		input.meeting.children.some((c) => c.name.split(/\s+/).includes(firstWord));
	if (isName || /^[A-Z]{2,}/.test(firstWord)) return text;
	return text.charAt(0).toLowerCase() + text.slice(1);
}

/** "Kim Lee, the health visitor, will visit every week by Friday 15 January 2027." */
export function familyAction(
	action: { what: string; who: string; byWhen: string },
	input: DocumentInput
): string {
	const who = familyWho(action.who, input);
	const what = replaceJargon(asVerbPhrase(action.what, input)).text;
	const needsWill = !/^(will|to|must|should|can)\b/i.test(what);
	const verb = needsWill ? `will ${what}` : what.replace(/^to\b/i, 'will');
	const subject = asSubject(who);
	return `${subject} ${verb} by ${dateInWords(action.byWhen)}.`;
}

/** The plan's category in plain words: "not getting the care they need". */
export function plainCategory(category: ChildProtectionCategory | undefined): string | null {
	if (!category) return null;
	return replaceJargon(categoryLabels[category]).text.toLowerCase();
}
