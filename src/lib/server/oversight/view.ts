/**
 * The figures as a viewer may see them: managers and chairs of a unit only (others null, a
 * 404); a chair sees their own name in the caseloads and every other chair as "Another chair".
 */
import type { Database } from '../db';
import type { SessionUser } from '../auth/session';
import { mayReadOversight, mayReadOversightNames } from '../../policy';
import type { CalendarDate } from '../../domain/calendar-date';
import { oversightFigures } from './figures';
import type { OversightFigures } from '../../oversight/figures-model';

export async function oversightForViewer(props: {
	db: Database;
	user: SessionUser;
	from: CalendarDate;
	to: CalendarDate;
	asOf?: CalendarDate;
}): Promise<OversightFigures | null> {
	const { user } = props;
	const viewer = { id: user.id, role: user.role, unitId: user.unitId };
	if (!mayReadOversight(viewer) || !user.unitId) return null;
	const figures = await oversightFigures({ ...props, unitId: user.unitId });
	if (!mayReadOversightNames(viewer)) {
		figures.caseloads = figures.caseloads.map((row) =>
			row.userId === user.id ? row : { ...row, userId: '', name: 'Another chair' }
		);
		figures.feedback.byChair = figures.feedback.byChair.map((row) =>
			row.chairId === user.id ? row : { ...row, chairId: '', name: 'Another chair' }
		);
	}
	return figures;
}
