import { expect, test, type Browser, type Page } from '@playwright/test';
import { copyDemoMeeting, demoMeetings, signInAs } from './helpers';

/**
 * A device in the meeting room loses its network and keeps typing: its words stay on its
 * screen, nobody else sees them while it is cut off, and once the network returns they merge
 * with what the others wrote meanwhile — in the same field of the same concern card too — and
 * are stored. On a copy of Mia's live conference, this spec's own; the card this test adds is
 * closed again at the end all the same.
 */
/** A copy of the demo's meeting, this spec's own (helpers.ts: copyDemoMeeting). */
let MIA_CONFERENCE: string;
test.beforeAll(async () => {
	MIA_CONFERENCE = await copyDemoMeeting(demoMeetings.miaConference);
});

async function personOnMeeting(browser: Browser, email: string): Promise<Page> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signInAs(page, email);
	await page.goto(`/meetings/${MIA_CONFERENCE}`);
	await expect(
		page.locator('.room-bar .connection-indicator[data-status="connected"]')
	).toBeVisible();
	return page;
}

test('a device cut off from the network keeps typing; its words merge with everyone else’s when it returns', async ({
	browser
}) => {
	const sam = await personOnMeeting(browser, 'social.worker@demo.test');
	const kim = await personOnMeeting(browser, 'health.visitor@demo.test');

	// A card of its own for this test, on both screens.
	const title = `Mia's packed lunch (${Date.now()})`;
	await sam.getByLabel('What happens to the child, in their terms').fill(title);
	await sam.getByRole('button', { name: 'Add the concern' }).click();
	const samDay = sam.locator('.concern-card').filter({ hasText: title }).getByLabel('Day to day');
	const kimDay = kim.locator('.concern-card').filter({ hasText: title }).getByLabel('Day to day');
	await expect(kimDay).toBeVisible();
	await samDay.fill('Mia has no lunch.');
	await expect(kimDay).toHaveValue('Mia has no lunch.');

	// Sam's laptop loses the network; Sam keeps typing, at the end of the field and in his own words.
	await sam.context().setOffline(true);
	await expect(sam.locator('.room-bar .connection-indicator')).not.toHaveAttribute(
		'data-status',
		'connected'
	);
	await samDay.press('End');
	await samDay.pressSequentially(' Sam typed this offline.');
	const samWords = sam.getByRole('textbox', { name: 'Contribution from Sam Okafor' });
	await samWords.click();
	await sam.keyboard.press('Control+End');
	await sam.keyboard.type(' Written with the network cut.');

	// Meanwhile Kim, still connected, types at the start of the same field.
	await kimDay.press('Home');
	await kimDay.pressSequentially('Most days ');
	await expect(kimDay).toHaveValue('Most days Mia has no lunch.');
	await sam.waitForTimeout(1_000);
	await expect(kimDay).toHaveValue('Most days Mia has no lunch.'); // nothing of Sam's arrives while he is cut off
	await expect(samDay).toHaveValue('Mia has no lunch. Sam typed this offline.');

	// The network returns: both screens hold both people's words, in one field.
	await sam.context().setOffline(false);
	const merged = 'Most days Mia has no lunch. Sam typed this offline.';
	await expect(samDay).toHaveValue(merged, { timeout: 20_000 });
	await expect(kimDay).toHaveValue(merged);
	await expect(kim.getByRole('textbox', { name: 'Contribution from Sam Okafor' })).toContainText(
		'Written with the network cut.'
	);
	await expect(
		sam.locator('.room-bar .connection-indicator[data-status="connected"][data-saved="true"]')
	).toBeVisible({ timeout: 20_000 });

	// Stored: a device that opens the meeting now reads the merged words.
	const chair = await personOnMeeting(browser, 'chair@demo.test');
	await expect(
		chair.locator('.concern-card').filter({ hasText: title }).getByLabel('Day to day')
	).toHaveValue(merged);
	await expect(chair.getByRole('textbox', { name: 'Contribution from Sam Okafor' })).toContainText(
		'Written with the network cut.'
	);

	// The card is closed again, so the specs after this one find the demo's cards as they were.
	await chair
		.locator('.concern-card')
		.filter({ hasText: title })
		.getByRole('button', { name: 'Close this concern: safe now' })
		.click();
	await expect(kim.locator('.concern-card').filter({ hasText: title })).toHaveCount(0);
	for (const page of [sam, kim, chair]) await page.context().close();
});
