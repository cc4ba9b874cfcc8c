import { expect, test } from '@playwright/test';
import { expectAccessible, signInAs } from './helpers';

const ICPC = '00000000-0000-4000-8000-000000000301';

test('a chair signs in and sees the demo conference', async ({ page }) => {
	await signInAs(page, 'chair@demo.test');
	await expect(page.getByRole('heading', { name: 'Your meetings' })).toBeVisible();
	const card = page
		.getByRole('listitem')
		.filter({ has: page.locator(`a[href="/meetings/${ICPC}"]`) });
	await expect(card).toContainText('Chrissie Walker and Leo Walker');
	await expect(card).toContainText('Initial child protection conference');
	await expectAccessible(page);
	await card.getByRole('link').click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Initial child protection conference' })
	).toBeVisible();
	await expect(page.getByRole('cell', { name: 'Dawn Walker', exact: true })).toBeVisible();
	await expectAccessible(page);
});

test("another family's parent sees neither Chrissie's meeting nor its record", async ({ page }) => {
	await signInAs(page, 'other.parent@demo.test');
	await expect(page.getByText('Mia Price').first()).toBeVisible();
	await expect(page.getByText('Chrissie')).toHaveCount(0);

	const list = await page.request.get('/api/meetings');
	expect(list.status()).toBe(200);
	const meetings = (await list.json()) as { id: string }[];
	expect(meetings.map((m) => m.id)).not.toContain(ICPC);

	const record = await page.request.get(`/api/meetings/${ICPC}`);
	expect(record.status()).toBe(404);
	expect(await record.text()).not.toContain('Chrissie');

	const pageResponse = await page.goto(`/meetings/${ICPC}`);
	expect(pageResponse?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
	await expect(page.getByText('Chrissie')).toHaveCount(0);
});

test('the API describes the signed-in person and their meetings', async ({ page }) => {
	await signInAs(page, 'police@demo.test');
	const me = await (await page.request.get('/api/me')).json();
	expect(me).toMatchObject({ email: 'police@demo.test', role: 'professional', name: 'PC Jo Reid' });
	const meetings = await (await page.request.get('/api/meetings')).json();
	expect(meetings).toEqual(
		expect.arrayContaining([
			expect.objectContaining({
				id: ICPC,
				kind: 'initial-conference',
				status: expect.any(String),
				children: expect.arrayContaining([expect.objectContaining({ name: 'Chrissie Walker' })])
			})
		])
	);
	expect(
		meetings.every((m: { id: string }) => m.id !== '00000000-0000-4000-8000-000000000302')
	).toBe(true); // not invited to Mia's core group
	const detail = await (await page.request.get(`/api/meetings/${ICPC}`)).json();
	expect(detail.participants).toEqual(
		expect.arrayContaining([expect.objectContaining({ name: 'Dawn Walker', role: 'parent' })])
	);
	expect(detail.participants[0]).toEqual(
		expect.objectContaining({
			id: expect.any(String),
			userId: expect.anything(),
			name: expect.any(String),
			role: expect.any(String)
		})
	);
});

test('a wrong password gets a clear message and no session', async ({ page }) => {
	await page.goto('/login');
	await page.locator('html[data-ready="true"]').waitFor();
	await page.getByLabel('Email address').fill('chair@demo.test');
	await page.getByLabel('Password').fill('not the password');
	const [response] = await Promise.all([
		page.waitForResponse((r) => r.url().endsWith('/login') && r.request().method() === 'POST'),
		page.getByRole('button', { name: 'Sign in' }).click()
	]);
	expect(response.status()).toBe(400);
	await expect(page.getByRole('alert')).toHaveText(/email address or password is not right/);
	await expect(page).toHaveURL(/\/login/);
	await expect(page.getByLabel('Email address')).toHaveValue('chair@demo.test');
	expect((await page.request.get('/api/me')).status()).toBe(401);
	await expectAccessible(page);
});

test('empty fields are named beside the field with a 400', async ({ page }) => {
	await page.goto('/login');
	await page.locator('html[data-ready="true"]').waitFor();
	const [response] = await Promise.all([
		page.waitForResponse((r) => r.url().endsWith('/login') && r.request().method() === 'POST'),
		page.getByRole('button', { name: 'Sign in' }).click()
	]);
	expect(response.status()).toBe(400);
	await expect(page.getByText('Enter your email address.')).toBeVisible();
	await expect(page.getByText('Enter your password.')).toBeVisible();
	await expect(page.getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true');

	const raw = await page.request.post('/login', {
		form: { email: 'not-an-email', password: '' },
		headers: { origin: new URL(page.url()).origin }
	});
	expect(raw.status()).toBe(400);
});

test('signing out ends the session on the server', async ({ page, browser }) => {
	await signInAs(page, 'social.worker@demo.test');
	const cookies = await page.context().cookies();
	const session = cookies.find((c) => c.name === 'rt_session');
	expect(session?.httpOnly).toBe(true);
	expect(session?.sameSite).toBe('Lax');

	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page).toHaveURL(/\/login/);

	// The old cookie, replayed from elsewhere, no longer works.
	const replay = await browser.newContext();
	await replay.addCookies([session!]);
	const me = await replay.request.get('/api/me');
	expect(me.status()).toBe(401);
	await replay.close();
});

test('an unknown address is a 404 page', async ({ page }) => {
	await signInAs(page, 'chair@demo.test');
	const response = await page.goto('/no-such-page');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('the meetings list works on a phone', async ({ browser }) => {
	const phone = await browser.newContext({
		viewport: { width: 390, height: 844 },
		isMobile: true,
		hasTouch: true
	});
	const page = await phone.newPage();
	await signInAs(page, 'parent@demo.test');
	await expect(page.getByText('Chrissie Walker and Leo Walker').first()).toBeVisible();
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - window.innerWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
	await expectAccessible(page);
	await phone.close();
});
