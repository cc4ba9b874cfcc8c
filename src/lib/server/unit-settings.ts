/**
 * The unit's settings (issue 22): its secure email domains, which decide how a copy travels
 * (docs/mail.md), and how many working days before a meeting reports are due. Read and changed
 * only by business support and managers of the unit (`mayManageUnitSettings`).
 */
import { eq } from 'drizzle-orm';
import type { Database } from './db';
import { units } from './db/schema';
import { audit } from './audit';
import { mailTiming } from '../domain/reminders';
import { parseDomain } from '../domain/secure-domains';
import { mayManageUnitSettings, type Viewer } from '../policy';

export interface UnitSettings {
	secureDomains: string[];
	reportDueWorkingDays: number;
}

/** At most this many domains; and reports due at most this many working days ahead. */
export const settingsLimits = { domains: 50, reportDueWorkingDays: 20 } as const;

/** The unit's settings as stored (defaults filled in); nothing for a unit that does not exist. */
/** The unit's name, or null for no such unit. */
export async function unitName(db: Database, unitId: string): Promise<string | null> {
	const [row] = await db.select({ name: units.name }).from(units).where(eq(units.id, unitId));
	return row?.name ?? null;
}

export async function unitSettingsOf(db: Database, unitId: string): Promise<UnitSettings | null> {
	const [row] = await db
		.select({
			secureDomains: units.secureDomains,
			reportDueWorkingDays: units.reportDueWorkingDays
		})
		.from(units)
		.where(eq(units.id, unitId));
	if (!row) return null;
	return {
		secureDomains: row.secureDomains,
		reportDueWorkingDays: row.reportDueWorkingDays ?? mailTiming.reportDeadlineWorkingDays
	};
}

/** How many working days before a meeting the unit's reports are due (3 unless it set another). */
export async function reportDueDaysOf(db: Database, unitId: string | null): Promise<number> {
	const settings = unitId ? await unitSettingsOf(db, unitId) : null;
	return settings?.reportDueWorkingDays ?? mailTiming.reportDeadlineWorkingDays;
}

/** The viewer's unit's settings; null (404) for anyone who may not read them. */
export async function unitSettingsForViewer(props: {
	db: Database;
	viewer: Viewer;
}): Promise<UnitSettings | null> {
	if (!mayManageUnitSettings(props.viewer) || !props.viewer.unitId) return null;
	return unitSettingsOf(props.db, props.viewer.unitId);
}

/** Checks settings as sent: the settings, or the problem of each field in words. */
export function checkUnitSettings(
	input: unknown
): { ok: true; settings: UnitSettings } | { ok: false; errors: Record<string, string> } {
	const errors: Record<string, string> = {};
	const body = (input ?? {}) as Record<string, unknown>;
	const domains: string[] = [];
	if (!Array.isArray(body.secureDomains) || body.secureDomains.length > settingsLimits.domains) {
		errors.secureDomains = `Send secureDomains as a list of at most ${settingsLimits.domains} domains, like ["nhs.net", "police.uk"].`;
	} else {
		for (const typed of body.secureDomains) {
			const domain = typeof typed === 'string' ? parseDomain(typed) : null;
			if (!domain) {
				errors.secureDomains = `${JSON.stringify(typed).slice(0, 80)} is not an email domain: write it like nhs.net or police.uk.`;
				break;
			}
			if (!domains.includes(domain)) domains.push(domain);
		}
	}
	const days = body.reportDueWorkingDays;
	if (
		typeof days !== 'number' ||
		!Number.isInteger(days) ||
		days < 1 ||
		days > settingsLimits.reportDueWorkingDays
	)
		errors.reportDueWorkingDays = `Send reportDueWorkingDays as a whole number of working days from 1 to ${settingsLimits.reportDueWorkingDays}.`;
	if (Object.keys(errors).length) return { ok: false, errors };
	return { ok: true, settings: { secureDomains: domains, reportDueWorkingDays: days as number } };
}

/** Stores the viewer's unit's settings (audited); null (404) for anyone who may not. */
export async function saveUnitSettings(props: {
	db: Database;
	viewer: Viewer;
	settings: UnitSettings;
}): Promise<UnitSettings | null> {
	const { db, viewer, settings } = props;
	if (!mayManageUnitSettings(viewer) || !viewer.unitId) return null;
	await db
		.update(units)
		.set({
			secureDomains: settings.secureDomains,
			reportDueWorkingDays: settings.reportDueWorkingDays
		})
		.where(eq(units.id, viewer.unitId));
	await audit({
		db,
		userId: viewer.id,
		action: 'unit-settings-changed',
		targetType: 'unit',
		targetId: viewer.unitId,
		detail: { ...settings }
	});
	return unitSettingsOf(db, viewer.unitId);
}
