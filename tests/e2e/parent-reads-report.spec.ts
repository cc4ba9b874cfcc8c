import { expect, test } from '@playwright/test';
import { expectAccessible, scheduleMiaReview, signInAs } from './helpers';

/**
 * One truth about reports (issue 21): a report shared with the parents is theirs to read before
 * the meeting, on a phone and as a download, and the record shows when they first opened it.
 * Seeds what it needs through the API: business support schedules a conference of its own for
 * Mia and invites her dad and the health visitor; the health visitor writes a report and marks it
 * shared. Nobody starts the meeting.
 */
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

type Listed = {
	id: string;
	title: string;
	state: string;
	sharedWithParentsAt: string | null;
	downloadUrl: string | null;
	parentsFirstOpenedAt?: string | null;
};

test('a parent reads a report shared with them on a phone, downloads it, and the record shows when they first opened it', async ({
	browser
}) => {
	const office = await (await browser.newContext()).newPage();
	await signInAs(office, 'admin@demo.test');
	const meetingId = await scheduleMiaReview(office, {
		title: 'Reports review conference',
		date: `${new Date().getFullYear() + 1}-04-14`
	});

	const hv = await (await browser.newContext()).newPage();
	await signInAs(hv, 'health.visitor@demo.test');
	const words =
		'Mia is growing well and her hearing test was clear.\n\nShe is shy at nursery but settles within the hour.';
	const added = await hv.request.post(`/api/meetings/${meetingId}/reports`, {
		data: { title: 'Health visitor’s report for Mia', body: words }
	});
	expect(added.status()).toBe(201);
	const { id: reportId } = (await added.json()) as { id: string };
	// Not yet shared: the register says received, the dad is given nothing.
	const dadContext = await browser.newContext(phone);
	const dad = await dadContext.newPage();
	await signInAs(dad, 'other.parent@demo.test');
	const before = await dad.request.get(`/api/meetings/${meetingId}/reports`);
	expect(((await before.json()) as { reports: Listed[] }).reports).toEqual([]);
	expect((await dad.request.get(`/meetings/${meetingId}/reports/${reportId}`)).status()).toBe(404);
	const shared = await hv.request.post(`/api/reports/${reportId}/shared`, {
		data: { shared: true }
	});
	expect(shared.status()).toBe(200);

	// On his phone, the dad finds it in the meeting's reports and reads it.
	await dad.goto(`/meetings/${meetingId}`);
	const reports = dad.getByRole('region', { name: 'Reports' });
	await expect(reports.getByText(/shared with the parents on/)).toBeVisible();
	await reports.getByRole('link', { name: 'Health visitor’s report for Mia', exact: true }).click();
	await expect(
		dad.getByRole('heading', { level: 1, name: 'Health visitor’s report for Mia' })
	).toBeVisible();
	await expect(dad.getByText('Mia is growing well and her hearing test was clear.')).toBeVisible();
	await expect(dad.getByText('She is shy at nursery but settles within the hour.')).toBeVisible();
	await expect(dad.getByText(/Shared with the parents on/)).toBeVisible();
	const sideways = await dad.evaluate(
		() => document.documentElement.scrollWidth > document.documentElement.clientWidth
	);
	expect(sideways, 'no sideways scroll on a 390-pixel phone').toBe(false);
	await expectAccessible(dad);
	await dad.screenshot({ path: test.info().outputPath('parent-reads-report.png'), fullPage: true });

	// And as a download.
	const link = dad.getByRole('link', { name: 'Download the report' });
	const download = await dad.request.get((await link.getAttribute('href'))!);
	expect(download.status()).toBe(200);
	expect(download.headers()['content-disposition']).toMatch(/^attachment/);
	expect(await download.text()).toContain('Mia is growing well');

	// The register shows when the parents first opened it; the dad's list never shows that.
	const register = (await (await hv.request.get(`/api/meetings/${meetingId}/reports`)).json()) as {
		reports: Listed[];
	};
	const mine = register.reports.find((r) => r.id === reportId)!;
	expect(mine).toMatchObject({ state: 'shared', downloadUrl: `/api/reports/${reportId}` });
	expect(mine.parentsFirstOpenedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
	const dads = (await (await dad.request.get(`/api/meetings/${meetingId}/reports`)).json()) as {
		reports: Listed[];
	};
	expect(dads.reports.map((r) => r.id)).toEqual([reportId]);
	expect(dads.reports[0]).not.toHaveProperty('parentsFirstOpenedAt');
	await hv.goto(`/meetings/${meetingId}`);
	await expect(
		hv.getByRole('region', { name: 'Reports' }).getByText(/The parents first opened it on/)
	).toBeVisible();
	await Promise.all([office.close(), hv.close(), dadContext.close()]);
});
