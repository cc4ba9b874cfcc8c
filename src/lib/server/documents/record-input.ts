/**
 * From the frozen live record to the generators' plain input: the typed snapshot, each rich-text
 * root's paragraphs with who wrote them (from the client ids bound in collab_clients), and the
 * restricted channel's paragraphs by participant.
 */
import type * as Y from 'yjs';
import type { Database } from '../db';
import { clientOwnersOf, paragraphWriters } from '../records';
import { fragmentParagraphs, readRecord } from '../../collab/record-shape';
import { roots } from '../../collab/roots';
import { calendarDateOf } from '../../domain';
import { meetingTemplate } from '../meeting-kinds';
import type { AuthoredParagraph, DocumentInput } from '../../documents/input';
import type { MeetingForViewer } from '../meetings/queries';
import { meetingReportRegister } from '../voices/report-register';
import { personReportState } from '../../domain/report-register';
import { quorumOf } from '../meetings/register';

/** Paragraphs of a rich-text root with their authors' names. */
function authoredParagraphs(
	doc: Y.Doc,
	root: string,
	nameOfClient: (clientId: number) => string | null
): AuthoredParagraph[] {
	if (!doc.share.has(root)) return [];
	const fragment = doc.getXmlFragment(root);
	const texts = fragmentParagraphs(fragment);
	const clients = paragraphWriters(fragment);
	return texts.map((text, i) => ({
		text,
		authors: [
			...new Set((clients[i] ?? []).map(nameOfClient).filter((n): n is string => n !== null))
		]
	}));
}

/** The generators' input for a meeting, from its main and restricted channels. */
export async function documentInputFor(props: {
	db: Database;
	found: MeetingForViewer;
	main: Y.Doc;
	restricted: Y.Doc | null;
	chairName: string;
}): Promise<DocumentInput> {
	const { db, found, main, restricted } = props;
	const { meeting, participants } = found;
	// The version of the unit's kind the meeting was scheduled with (issue 25).
	const template = await meetingTemplate({ db, meeting });
	const userOfClient = await clientOwnersOf({ db, meetingId: meeting.id });
	const nameOfUser = new Map(participants.filter((p) => p.userId).map((p) => [p.userId!, p.name]));
	const nameOfClient = (clientId: number) => {
		const userId = userOfClient.get(clientId);
		return userId ? (nameOfUser.get(userId) ?? null) : null;
	};
	const paragraphs: DocumentInput['paragraphs'] = {};
	for (const p of participants) {
		const root = roots.contribution(p.id);
		const list = authoredParagraphs(main, root, nameOfClient).map((para) => ({
			...para,
			authors: [p.name]
		}));
		if (list.length) paragraphs[root] = list;
	}
	for (const section of template.sections) {
		const root = roots.section(section.key);
		const list = authoredParagraphs(main, root, nameOfClient);
		if (list.length) paragraphs[root] = list;
	}
	const restrictedParagraphs: DocumentInput['restricted'] = {};
	if (restricted) {
		for (const p of participants) {
			const root = roots.restricted(p.id);
			if (!restricted.share.has(root)) continue;
			const list = fragmentParagraphs(restricted.getXmlFragment(root));
			if (list.length) restrictedParagraphs[p.id] = list;
		}
	}
	// The one register of reports: the participants' report fields are read from it, so every
	// document says what the pages say (issue 21).
	const reports = await meetingReportRegister({ db, meetingId: meeting.id });
	return {
		reports,
		meeting: {
			id: meeting.id,
			kind: meeting.kind,
			title: meeting.title,
			date: calendarDateOf(meeting.startedAt ?? meeting.scheduledAt),
			children: found.children,
			chairName: props.chairName
		},
		participants: participants.map((p) => ({
			id: p.id,
			name: p.name,
			role: p.role,
			agency: p.agency,
			attendance: p.attendance,
			arrivedLate: p.arrivedLate,
			voting: p.voting,
			reportRequested: p.reportRequested,
			reportReceived: ['received', 'shared'].includes(personReportState(reports, p.id) ?? ''),
			reportSharedWithParents: personReportState(reports, p.id) === 'shared'
		})),
		template,
		record: readRecord(
			main,
			participants.map((p) => p.id)
		),
		paragraphs,
		restricted: restrictedParagraphs,
		quorum: await quorumOf({ db, meeting, participants }),
		endConfirmation: meeting.endConfirmation ?? null
	};
}
