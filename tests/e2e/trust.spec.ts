import { expect, test } from '@playwright/test';
import { expectAccessible, signInAs, watchCspViolations } from './helpers';

test('the manager searches the audit log: who opened what, when and from where', async ({ page, browser }) => {
	// The chair opens a meeting first, so there is something to find.
	const chair = await browser.newPage();
	await signInAs(chair, 'chair@demo.test');
	await chair.close();

	const cspViolations = watchCspViolations(page);
	await signInAs(page, 'manager@demo.test');
	await page.getByRole('link', { name: 'Audit log' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
	await page.getByLabel('Person').selectOption({ label: 'Priya Shah' });
	await page.getByRole('button', { name: 'Search' }).click();
	await expect(page).toHaveURL(/userId=/);
	const rows = page.locator('table.audit-entries tbody tr');
	await expect(rows.first()).toBeVisible();
	await expect(page.locator('table.audit-entries tbody tr[data-action="sign-in"]').first()).toContainText('Priya Shah');
	await expect(page.locator('table.audit-entries tbody tr[data-action="sign-in"]').first()).toContainText('127.0.0.1');
	await expectAccessible(page);
	expect(cspViolations).toEqual([]);

	const api = await page.request.get(`/api/audit?userId=00000000-0000-4000-8000-000000000101`);
	expect(api.status()).toBe(200);
	expect(api.headers()['cache-control']).toBe('private, no-store');
	const { entries } = (await api.json()) as { entries: { action: string; address: string }[] };
	expect(entries.some((e) => e.action === 'sign-in' && e.address === '127.0.0.1')).toBe(true);
});

test('a chair gets 404 for the audit log, page and API', async ({ page }) => {
	await signInAs(page, 'chair@demo.test');
	expect((await page.goto('/audit'))?.status()).toBe(404);
	expect((await page.request.get('/api/audit')).status()).toBe(404);
});

test('a person sees where they are signed in and ends the other session; that device is signed out', async ({ browser }) => {
	const laptop = await (await browser.newContext()).newPage();
	const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
	await signInAs(phone, 'health.visitor@demo.test');
	await signInAs(laptop, 'health.visitor@demo.test');
	await laptop.getByRole('link', { name: 'Your sessions' }).click();
	await expect(laptop.getByRole('heading', { level: 1, name: 'Where you are signed in' })).toBeVisible();
	await expect(laptop.getByRole('rowheader', { name: 'This device (this session)' })).toBeVisible();
	await expectAccessible(laptop);
	const others = laptop.getByRole('row').filter({ has: laptop.getByRole('rowheader', { name: 'Another device or browser' }) });
	const before = await others.count();
	expect(before).toBeGreaterThan(0);
	for (let i = 0; i < before; i++) {
		await others.first().getByRole('button', { name: 'End this session' }).click();
		await expect(laptop.getByRole('status')).toHaveText('That session has ended.');
	}
	await expect(others).toHaveCount(0);
	await phone.goto('/meetings');
	await expect(phone).toHaveURL(/\/login/);
	await laptop.context().close();
	await phone.context().close();
});

test('GET /health answers ok', async ({ request }) => {
	const health = await request.get('/health');
	expect(health.status()).toBe(200);
	expect(await health.json()).toEqual({ status: 'ok', database: 'ok' });
});
