import { expect, test } from '@playwright/test';
import { generateHOTP } from '@oslojs/otp';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import {
	choosePerson,
	DEMO_PASSWORD,
	expectAccessible,
	signInAs,
	watchCspViolations
} from './helpers';

test('the manager searches the audit log: who opened what, when and from where', async ({
	page,
	browser
}) => {
	// The chair opens a meeting first, so there is something to find.
	const chair = await browser.newPage();
	await signInAs(chair, 'chair@demo.test');
	await chair.close();

	const cspViolations = watchCspViolations(page);
	await signInAs(page, 'manager@demo.test');
	await page.getByRole('link', { name: 'Audit log' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
	await choosePerson(page, 'Person', 'Priya Shah');
	await page.getByRole('button', { name: 'Search' }).click();
	await expect(page).toHaveURL(/userId=/);
	const rows = page.locator('table.audit-entries tbody tr');
	await expect(rows.first()).toBeVisible();
	await expect(
		page.locator('table.audit-entries tbody tr[data-action="sign-in"]').first()
	).toContainText('Priya Shah');
	await expect(
		page.locator('table.audit-entries tbody tr[data-action="sign-in"]').first()
	).toContainText('127.0.0.1');
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

test('a person sees where they are signed in and ends the other session; that device is signed out', async ({
	browser
}) => {
	const laptop = await (await browser.newContext()).newPage();
	const phone = await (
		await browser.newContext({ viewport: { width: 390, height: 844 } })
	).newPage();
	await signInAs(phone, 'health.visitor@demo.test');
	await signInAs(laptop, 'health.visitor@demo.test');
	await laptop.getByRole('link', { name: 'Your sessions' }).click();
	await expect(
		laptop.getByRole('heading', { level: 1, name: 'Where you are signed in' })
	).toBeVisible();
	await expect(laptop.getByRole('rowheader', { name: 'This device (this session)' })).toBeVisible();
	await expectAccessible(laptop);
	const others = laptop
		.getByRole('row')
		.filter({ has: laptop.getByRole('rowheader', { name: 'Another device or browser' }) });
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

test('a police officer turns on two-step sign-in with the key shown as text, signs in with a code, and turns it off', async ({
	browser
}) => {
	const page = await (await browser.newContext()).newPage();
	const cspViolations = watchCspViolations(page);
	await signInAs(page, 'police@demo.test');
	await page.goto('/account/two-step');
	await expect(page.getByRole('heading', { level: 1, name: 'Two-step sign-in' })).toBeVisible();
	const key = (await page.getByTestId('totp-key').innerText()).replace(/\s+/g, '');
	expect(key).toMatch(/^[A-Z2-7]{32}$/);
	await page.getByText('Or paste this setup link').click();
	await expect(page.getByTestId('totp-uri')).toContainText(
		`otpauth://totp/Roundtable:police%40demo.test?`
	);
	await expect(page.getByTestId('totp-uri')).toContainText(`secret=${key}`);
	await expectAccessible(page);
	const code = (steps = 0) =>
		generateHOTP(
			decodeBase32IgnorePadding(key),
			BigInt(Math.floor(Date.now() / 30_000) + steps),
			6
		);
	await page.getByLabel('Code from your app').fill(code(-1));
	await page.getByLabel('Current password').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Turn two-step sign-in on' }).click();
	await expect(page.getByRole('status')).toContainText('Two-step sign-in is on');

	// Signing in now asks for the code after the password.
	const other = await (await browser.newContext()).newPage();
	await other.goto('/login');
	await other.locator('html[data-ready="true"]').waitFor();
	await other.getByLabel('Email address').fill('police@demo.test');
	await other.getByLabel('Password').fill(DEMO_PASSWORD);
	await other.getByRole('button', { name: 'Sign in' }).click();
	await expect(other).toHaveURL(/\/login\/code/);
	await expectAccessible(other);
	await other.getByLabel('Code from your app').fill(code(1));
	await other.getByRole('button', { name: 'Continue' }).click();
	await expect(other).toHaveURL(/\/meetings/);
	await other.context().close();

	// Off again, so the other suites sign in with the password alone.
	await page.getByLabel('Current password').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Turn two-step sign-in off' }).click();
	await expect(page.getByRole('status')).toContainText('Two-step sign-in is off');
	expect(cspViolations).toEqual([]);
	await page.context().close();
});
