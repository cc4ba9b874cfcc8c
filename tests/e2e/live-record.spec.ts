import { expect, test, type Browser, type Page } from '@playwright/test';
import {
	copyDemoMeeting,
	demoMeetings,
	expectAccessible,
	signInAs,
	watchCspViolations
} from './helpers';

/** A copy of the demo's core group (Mia's), this spec's own: it starts it. */
let CORE_GROUP: string;
test.beforeAll(async () => {
	CORE_GROUP = await copyDemoMeeting(demoMeetings.coreGroup);
});
/** What the Content-Security-Policy refused on any page here: must stay empty (the socket, styles, plots). */
const cspViolations: string[] = [];

async function personOnMeeting(
	browser: Browser,
	email: string,
	viewport?: { width: number; height: number }
): Promise<Page> {
	const context = await browser.newContext(viewport ? { viewport } : {});
	const page = await context.newPage();
	const refused = watchCspViolations(page);
	page.on('close', () => cspViolations.push(...refused));
	await signInAs(page, email);
	const room = await page.goto(`/meetings/${CORE_GROUP}`);
	// The room is served under a strict policy: a nonce for SvelteKit's own script, nothing inline.
	expect(room?.headers()['content-security-policy']).toMatch(
		/script-src 'self' 'nonce-[^']+'.*frame-ancestors 'none'/
	);
	await expect(page.locator('.connection-indicator[data-status="connected"]')).toBeVisible();
	return page;
}

test('two people type in the shared record and see each other’s words and named caret', async ({
	browser
}) => {
	const chair = await browser.newContext();
	const chairPage = await chair.newPage();
	await signInAs(chairPage, 'chair@demo.test');
	const started = await chairPage.request.post(`/api/meetings/${CORE_GROUP}/start`, {
		headers: { origin: new URL(chairPage.url()).origin }
	});
	expect(started.status()).toBe(200);
	expect((await started.json()).status).toBe('live');
	expect((await (await chairPage.request.get(`/api/meetings/${CORE_GROUP}`)).json()).status).toBe(
		'live'
	);

	const sam = await personOnMeeting(browser, 'social.worker@demo.test');
	const kim = await personOnMeeting(browser, 'health.visitor@demo.test', {
		width: 390,
		height: 844
	});

	const samOwn = sam.getByRole('textbox', { name: 'Contribution from Sam Okafor' });
	const kimOwn = kim.getByRole('textbox', { name: 'Contribution from Kim Lee' });
	await expect(samOwn).toHaveAttribute('contenteditable', 'true');
	// Each sees the other's contribution read-only: the gate would close them otherwise.
	await expect(sam.getByRole('textbox', { name: 'Contribution from Kim Lee' })).toHaveAttribute(
		'aria-readonly',
		'true'
	);

	await samOwn.click();
	await sam.keyboard.type('Mia got to nursery on time every day this week.');
	await kimOwn.click();
	await kim.keyboard.type('Mia has had her hearing test.');

	await expect(kim.getByRole('textbox', { name: 'Contribution from Sam Okafor' })).toContainText(
		'Mia got to nursery on time every day this week.'
	);
	await expect(sam.getByRole('textbox', { name: 'Contribution from Kim Lee' })).toContainText(
		'Mia has had her hearing test.'
	);

	// Kim's caret, with her name, shows in Sam's view of Kim's contribution.
	await expect(
		sam.locator(`[data-root^="contribution:"] .collaboration-carets__label`, { hasText: 'Kim Lee' })
	).toBeVisible();
	await expect(sam.locator('.connection-indicator[data-saved="true"]')).toBeVisible();
	await expectAccessible(sam);

	// The parent follows along read-only; nothing they can type reaches the record.
	const dad = await personOnMeeting(browser, 'other.parent@demo.test', { width: 390, height: 844 });
	const workers = dad.getByRole('region', { name: 'What the workers said' });
	await expect(workers.locator('li', { hasText: 'Sam Okafor' })).toContainText('on time every day');
	await expect(dad.getByRole('textbox', { name: 'Contribution from Sam Okafor' })).toHaveCount(0);
	// A plain textarea on a parent's phone (no TipTap: docs/performance.md); meeting-room.spec.ts
	// shows a parent's typing arriving in the chair's editor.
	await expect(dad.getByRole('textbox', { name: 'Your words about your child' })).toBeEditable();
	await expectAccessible(dad);

	// Undo is per person: Sam's undo takes back Sam's typing only.
	await samOwn.click();
	await sam.keyboard.type(' Oops.');
	await expect(kim.getByRole('textbox', { name: 'Contribution from Sam Okafor' })).toContainText(
		'Oops.'
	);
	await sam.keyboard.press('Control+z');
	await expect(
		kim.getByRole('textbox', { name: 'Contribution from Sam Okafor' })
	).not.toContainText('Oops.');
	await expect(kim.getByRole('textbox', { name: 'Contribution from Sam Okafor' })).toContainText(
		'on time every day'
	);
	await expect(sam.getByRole('textbox', { name: 'Contribution from Kim Lee' })).toContainText(
		'Mia has had her hearing test.'
	);

	// A reload shows what was saved: the record lives on the server.
	await sam.reload();
	await expect(sam.getByRole('textbox', { name: 'Contribution from Kim Lee' })).toContainText(
		'Mia has had her hearing test.'
	);
	const stored = await sam.evaluate(
		() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })
	);
	expect(stored).not.toContain('Mia');

	await chair.close();
	for (const page of [sam, kim, dad]) await page.context().close();
	// The socket connected (above) and nothing was refused under the policy.
	expect(cspViolations).toEqual([]);
});
