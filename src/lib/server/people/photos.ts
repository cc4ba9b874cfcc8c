/**
 * Staff photos (issue 27): a member of staff keeps one photo of themselves, checked by its bytes
 * (JPEG, PNG or WebP, at most 2 MB); a child sees their reviewing officer's, colleagues each
 * other's (`maySeeStaffPhoto`). Without a photo the answer is the person's initials, so a face
 * or a name always stands where the photo would. Audited on change, never the bytes.
 */
import { and, eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { Database } from '../db';
import { children, staffPhotos, users } from '../db/schema';
import { mayKeepOwnPhoto, maySeeStaffPhoto, type Viewer } from '../../policy';
import { CommandError, badInput } from '../command-error';
import { audit } from '../audit';

/** The most a photo may weigh. */
export const photoMaxBytes = 2 * 1024 * 1024;
const photoTypes = new Set(['image/jpeg', 'image/png', 'image/webp']);

/** Keeps `bytes` as the viewer's own photo, replacing any before. */
export async function saveOwnPhoto(props: {
	db: Database;
	viewer: Viewer;
	bytes: Uint8Array;
}): Promise<void> {
	const { db, viewer, bytes } = props;
	if (!mayKeepOwnPhoto(viewer)) throw new CommandError(404, 'Not found');
	if (bytes.length === 0) throw badInput('photo', 'Choose a photo to upload.');
	if (bytes.length > photoMaxBytes)
		throw badInput('photo', 'That photo is over 2 MB: choose a smaller one.', 413);
	const found = await fileTypeFromBuffer(bytes);
	if (!found || !photoTypes.has(found.mime))
		throw badInput('photo', 'That file is not a photo: choose a JPEG, PNG or WebP image.');
	await db
		.insert(staffPhotos)
		.values({ userId: viewer.id, contentType: found.mime, bytes, updatedAt: new Date() })
		.onConflictDoUpdate({
			target: staffPhotos.userId,
			set: { contentType: found.mime, bytes, updatedAt: new Date() }
		});
	await audit({
		db,
		userId: viewer.id,
		action: 'photo-set',
		targetType: 'user',
		targetId: viewer.id
	});
}

/** Removes the viewer's own photo, if any. */
export async function removeOwnPhoto(props: { db: Database; viewer: Viewer }): Promise<void> {
	const { db, viewer } = props;
	if (!mayKeepOwnPhoto(viewer)) throw new CommandError(404, 'Not found');
	await db.delete(staffPhotos).where(eq(staffPhotos.userId, viewer.id));
	await audit({
		db,
		userId: viewer.id,
		action: 'photo-removed',
		targetType: 'user',
		targetId: viewer.id
	});
}

/** Whether the viewer keeps a photo of themselves. */
export async function hasOwnPhoto(db: Database, userId: string): Promise<boolean> {
	const [row] = await db
		.select({ userId: staffPhotos.userId })
		.from(staffPhotos)
		.where(eq(staffPhotos.userId, userId));
	return Boolean(row);
}

const escapeXml = (text: string) =>
	text.replace(
		/[<>&"']/g,
		(c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!
	);

/** A name's initials (at most two letters) on a plain square, as SVG. */
export function initialsImage(name: string): string {
	const initials = name
		.split(/\s+/)
		.filter(Boolean)
		.map((word) => [...word][0]!.toUpperCase())
		.filter((letter) => /\p{L}/u.test(letter));
	const shown = escapeXml(
		(initials.length > 1 ? [initials[0], initials[initials.length - 1]] : initials).join('')
	);
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96" width="96" height="96"><rect width="96" height="96" fill="#1d4f73"/><text x="48" y="60" font-family="sans-serif" font-size="36" fill="#ffffff" text-anchor="middle">${shown}</text></svg>`;
}

/**
 * A member of staff's photo for the viewer: its bytes and type, their initials when they keep
 * none, or null (404) when the viewer may not see it or there is no such person.
 */
export async function staffPhotoFor(props: {
	db: Database;
	viewer: Viewer;
	userId: string;
}): Promise<{ contentType: string; body: Uint8Array | string } | null> {
	const { db, viewer, userId } = props;
	if (!/^[0-9a-f-]{36}$/i.test(userId)) return null;
	const [owner] = await db
		.select({ id: users.id, role: users.role, unitId: users.unitId, name: users.name })
		.from(users)
		.where(eq(users.id, userId));
	if (!owner) return null;
	const ownersChild =
		viewer.role === 'child'
			? (
					await db
						.select({ id: children.id })
						.from(children)
						.where(and(eq(children.accountId, viewer.id), eq(children.iroId, owner.id)))
				).length > 0
			: false;
	if (!maySeeStaffPhoto({ viewer, owner, ownersChild })) return null;
	const [photo] = await db.select().from(staffPhotos).where(eq(staffPhotos.userId, owner.id));
	return photo
		? { contentType: photo.contentType, body: photo.bytes }
		: { contentType: 'image/svg+xml', body: initialsImage(owner.name) };
}
