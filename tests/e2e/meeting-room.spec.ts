import { expect, test, type Browser, type Page } from '@playwright/test';
import { copyDemoMeeting, demoMeetings, expectAccessible, signInAs } from './helpers';

/** A copy of the demo's meeting, this spec's own (helpers.ts: copyDemoMeeting). */
let ICPC: string;
test.beforeAll(async () => {
	ICPC = await copyDemoMeeting(demoMeetings.icpc);
});
const phone = { width: 390, height: 844 };

async function join(
	browser: Browser,
	email: string,
	viewport?: { width: number; height: number }
): Promise<Page> {
	const context = await browser.newContext(
		viewport ? { viewport, isMobile: viewport.width < 600, hasTouch: viewport.width < 600 } : {}
	);
	const page = await context.newPage();
	await signInAs(page, email);
	await page.goto(`/meetings/${ICPC}`);
	await expect(
		page.locator('.connection-indicator[data-status="connected"]').first()
	).toBeVisible();
	return page;
}

async function next(chair: Page, expected: string) {
	await chair.getByRole('button', { name: 'Next section' }).click();
	await expect(chair.locator('.room-bar .now')).toContainText(expected);
}

test('a chair, a social worker, a police officer on a phone and a parent run the initial conference to the plan', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const chair = await (await browser.newContext()).newPage();
	await signInAs(chair, 'chair@demo.test');
	// A projector opened before the start follows it without a reload.
	const early = await chair.context().newPage();
	await early.goto(`/meetings/${ICPC}/present`);
	await expect(early.getByTestId('meeting-timer')).toContainText('Scheduled');

	await chair.goto(`/meetings/${ICPC}`);
	await chair.getByRole('button', { name: 'Start meeting' }).click();
	await expect(chair.locator('.status-live')).toBeVisible();
	await expect(early.getByTestId('meeting-timer')).not.toContainText('Scheduled');
	await expect(early.getByTestId('projector-current-title')).toContainText('Welcome');
	await early.close();
	await expect(
		chair.locator('.connection-indicator[data-status="connected"]').first()
	).toBeVisible();
	await expect(chair.locator('.room-bar .now')).toContainText('Welcome');

	const mum = await join(browser, 'parent@demo.test', phone);
	const sam = await join(browser, 'social.worker@demo.test');
	const jo = await join(browser, 'police@demo.test', phone);

	// Parents first: Mum's words before any professional speaks.
	await next(chair, 'Parents first');
	await expect(mum.getByText('Now:', { exact: false }).first()).toBeVisible();
	const mumsWords = mum.getByRole('textbox', { name: 'Your words about your child' });
	await mumsWords.click();
	await mum.keyboard.type('Chrissie loves drawing and her cat Biscuit.');
	await expect(chair.getByRole('textbox', { name: 'Contribution from Dawn Walker' })).toContainText(
		'Chrissie loves drawing'
	);

	// The chair moves on twice: the others' screens follow.
	await next(chair, "child's wishes");
	await next(chair, 'Each professional in turn');
	await expect(jo.locator('#section-professionals')).toBeInViewport();
	await expect(jo.locator('.agenda li[aria-current="step"]')).toContainText(
		'Each professional in turn'
	);
	await expect(sam.locator('#section-professionals')).toBeInViewport();

	// Each professional's words appear live on the chair's screen.
	const samsWords = sam.getByRole('textbox', { name: 'Contribution from Sam Okafor' });
	await samsWords.click();
	await sam.keyboard.type(
		'Chrissie was late 14 times this term. For Chrissie this means she misses reading time.'
	);
	await expect(chair.getByRole('textbox', { name: 'Contribution from Sam Okafor' })).toContainText(
		'late 14 times'
	);

	const josWords = jo.getByRole('textbox', { name: 'Contribution from PC Jo Reid' });
	await josWords.click();
	await jo.keyboard.type('Police were called to the house once in October.');
	const josRestricted = jo.getByRole('textbox', { name: 'Restricted information from PC Jo Reid' });
	await josRestricted.click();
	await jo.keyboard.type('Intelligence about a visitor to the house.');
	await expect(
		chair.getByRole('textbox', { name: 'Restricted information from PC Jo Reid' })
	).toContainText('Intelligence about a visitor');
	await expect(chair.getByRole('textbox', { name: 'Contribution from PC Jo Reid' })).toContainText(
		'called to the house once'
	);

	// Words typed in the open record can be moved into the restricted information.
	await josWords.click();
	await jo.keyboard.press('End');
	await jo.keyboard.press('Enter');
	await jo.keyboard.type('Source 4471 reports a visitor.');
	await jo.keyboard.press('Shift+Home');
	await jo
		.getByRole('button', { name: 'Move the selected words to restricted for PC Jo Reid' })
		.click();
	await expect(
		chair.getByRole('textbox', { name: 'Restricted information from PC Jo Reid' })
	).toContainText('Source 4471');
	await expect(
		chair.getByRole('textbox', { name: 'Contribution from PC Jo Reid' })
	).not.toContainText('Source 4471');
	await expectAccessible(jo);

	// The child's journey: the concerns carried over from the child in need reviews, a new one,
	// and scores from a professional and a parent.
	await next(chair, "child's journey");
	await expect(sam.locator('.concern-card')).toHaveCount(4);
	await chair.getByLabel('Which child').selectOption({ label: 'Chrissie Walker' });
	await chair
		.getByLabel('What happens to the child, in their terms')
		.fill("Chrissie's eye test has not been done");
	await chair.getByRole('button', { name: 'Add the concern' }).click();
	await expect(
		sam.locator('.concern-card', { hasText: "Chrissie's eye test has not been done" })
	).toBeVisible();
	await sam
		.getByRole('button', { name: 'Score 3 for Chrissie is often an hour late for school' })
		.click();
	await mum
		.getByRole('group', { name: /How safe is it now\? 0 means Chrissie/ })
		.first()
		.getByRole('radio', { name: '6', exact: true })
		.check();
	const lateCard = chair.locator('.concern-card', {
		hasText: 'Chrissie is often an hour late for school'
	});
	await expect(lateCard.locator('tr', { hasText: 'Sam Okafor' })).toContainText('3');
	await expect(lateCard.locator('tr', { hasText: 'Dawn Walker' })).toContainText('6');

	// Decision, then why?
	await next(chair, 'Strengths');
	await next(chair, 'Decision, then why?');
	const samDecision = sam.locator(
		'.decision-child[data-child="00000000-0000-4000-8000-000000000201"]'
	);
	await samDecision.getByLabel('Child protection plan', { exact: true }).check();
	await samDecision.getByRole('button', { name: 'Record my decision for Chrissie Walker' }).click();
	await expect(samDecision.getByRole('alert')).toContainText(/why/i);
	await expect(chair.locator('.decision-child').first()).toContainText('Not yet given');
	await samDecision
		.getByLabel(/Why\?/)
		.fill('Chrissie is missing school and her health checks; things have not changed.');
	await samDecision.getByRole('button', { name: 'Record my decision for Chrissie Walker' }).click();
	await expect(chair.locator('.decision-child').first()).toContainText('things have not changed');

	const joDecision = jo.locator(
		'.decision-child[data-child="00000000-0000-4000-8000-000000000201"]'
	);
	await joDecision.getByLabel('No child protection plan', { exact: true }).check();
	await joDecision
		.getByLabel(/Why\?/)
		.fill('One call-out only; support without a plan could work.');
	await joDecision.getByRole('button', { name: 'Record my decision for Chrissie Walker' }).click();

	const chairDecision = chair.locator(
		'.decision-child[data-child="00000000-0000-4000-8000-000000000201"]'
	);
	await chairDecision
		.getByRole('group', { name: "Chair's outcome for Chrissie Walker" })
		.getByLabel('Child protection plan', { exact: true })
		.check();
	await chairDecision.getByLabel('Category').selectOption('neglect');
	await chairDecision
		.getByLabel('Why? The reason for this outcome')
		.fill('Chrissie is late or hungry most days and the home has not changed since the summer.');
	await chairDecision
		.getByRole('button', { name: 'Record the outcome for Chrissie Walker' })
		.click();
	await expect(chairDecision.locator('tr.dissent')).toContainText('PC Jo Reid');

	// The plan: an outcome and an action with who and when; Mum sees it form.
	await next(chair, 'The plan');
	await chair
		.getByLabel('A new outcome for Chrissie Walker (what will be different for them)')
		.fill('Chrissie gets to school on time every day');
	await chair.getByRole('button', { name: 'Add the outcome' }).first().click();
	const outcome = chair.locator('.plan-child').first().locator('.plan-outcome').last();
	await outcome.getByLabel('What will they do? Start with a verb.').fill('Walk Chrissie to school');
	await outcome.getByLabel('Who (a named person)').fill('Mum');
	await outcome.getByLabel('By when').fill('2027-01-08');
	await outcome.getByRole('button', { name: 'Add the action' }).click();
	await expect(chair.locator('.plan-action', { hasText: 'Walk Chrissie to school' })).toContainText(
		'Mum'
	);
	await expect(mum.getByText('Walk Chrissie to school', { exact: false })).toBeVisible();
	// The lead social worker is chosen from the professionals invited, not typed (issue 28).
	const lead = chair.getByLabel('Lead social worker');
	await expect(lead.locator('option')).toContainText(['Not chosen yet', 'Sam Okafor']);
	await expect(lead.locator('option', { hasText: 'Dawn' })).toHaveCount(0);
	await lead.selectOption('Sam Okafor');
	await expect(mum.locator('.plan-facts')).toContainText('Sam Okafor');

	// The parent never sees restricted information, anywhere on her page.
	await expect(mum.locator('body')).not.toContainText('Intelligence');
	await expect(mum.locator('body')).not.toContainText('Source 4471');
	await expect(mum.locator('body')).not.toContainText('Restricted');
	await expectAccessible(mum);
	await expectAccessible(chair);

	// The projector shows the current section.
	const projector = await chair.context().newPage();
	await projector.goto(`/meetings/${ICPC}/present`);
	await expect(projector.locator('[aria-current="step"]')).toContainText('The plan');
	await expectAccessible(projector);

	for (const page of [mum, sam, jo]) await page.context().close();
	await chair.context().close();
});
