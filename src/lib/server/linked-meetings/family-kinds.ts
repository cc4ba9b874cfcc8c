/**
 * Where one meeting's record, plan or actions could reach another's readers (the previous
 * meeting a review carries over, the child's tracker card), a meeting with no family view
 * (issue 25: `professionalOnlyKinds`) is kept apart: a family's meeting never follows on from one,
 * and one follows on only from its own kind.
 */
import { eq, notInArray, type SQL } from 'drizzle-orm';
import { meetings } from '../db/schema';
import { kindHasFamilyView } from '../../policy';
import { professionalOnlyKinds } from '../../domain/vocabulary';
import type { MeetingKind } from '../../domain/vocabulary';

/** Meetings a family may read about: those of a kind with a family view. */
export const ofKindWithFamilyView = (): SQL =>
	notInArray(meetings.kind, [...professionalOnlyKinds]);

/** The earlier meetings a meeting of this kind may follow on from. */
export const mayFollowOn = (kind: MeetingKind): SQL =>
	kindHasFamilyView(kind) ? ofKindWithFamilyView() : eq(meetings.kind, kind);
