/**
 * A meeting's live record is two Yjs documents. `main` holds everything everyone in the
 * meeting may read; `restricted` holds third-party information (`restricted:{participantId}`
 * roots) and is only ever opened by connections whose role may read it, so restricted words
 * are never sent to a parent's or a child's socket (DESIGN §3).
 */
import { parseRootName } from '../../src/lib/collab/roots';
import { collabPath } from '../../src/lib/collab/protocol';
import type { RecordDocument } from '../../src/lib/server/db/schema/records';

export type { RecordDocument };

/** The path suffix (and y-websocket room suffix) of the restricted document. */
export const restrictedSuffix = '/restricted';

const UUID = /^[0-9a-f-]{36}$/i;

/** `/collab/{meetingId}` → main, `/collab/{meetingId}/restricted` → restricted; null otherwise. */
export function parseCollabPath(url: string | undefined): { meetingId: string; document: RecordDocument } | null {
	if (!url) return null;
	const pathname = url.split('?')[0];
	const prefix = `${collabPath}/`;
	if (!pathname.startsWith(prefix)) return null;
	let rest = pathname.slice(prefix.length);
	let document: RecordDocument = 'main';
	if (rest.endsWith(restrictedSuffix)) {
		document = 'restricted';
		rest = rest.slice(0, -restrictedSuffix.length);
	}
	return UUID.test(rest) ? { meetingId: rest, document } : null;
}

/** The document a root lives in: `restricted:*` roots in the restricted one, all else in main. */
export function documentOfRoot(root: string): RecordDocument {
	return parseRootName(root)?.kind === 'restricted' ? 'restricted' : 'main';
}

/** May this root exist in this document at all (whoever writes it)? */
export function rootBelongsIn(root: string, document: RecordDocument): boolean {
	return documentOfRoot(root) === document;
}

/** The key of one document of one meeting in the registry and in log lines. */
export function documentKey(meetingId: string, document: RecordDocument): string {
	return document === 'main' ? meetingId : `${meetingId}${restrictedSuffix}`;
}
