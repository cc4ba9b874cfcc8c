import { expect, test, type Browser, type Page } from '@playwright/test';
import { copyDemoMeeting, demoMeetings, expectAccessible, signInAs } from './helpers';

// On a copy of Mia's live conference, this spec's own; it still leaves the scores as it found them.
/** A copy of the demo's meeting, this spec's own (helpers.ts: copyDemoMeeting). */
let MIA_CONFERENCE: string;
test.beforeAll(async () => {
	MIA_CONFERENCE = await copyDemoMeeting(demoMeetings.miaConference);
});
const CHRISSIE = '00000000-0000-4000-8000-000000000201';
const MONDAYS = 'demo-mia-mondays';

async function personOnMeeting(
	browser: Browser,
	email: string,
	viewport?: { width: number; height: number }
): Promise<Page> {
	const context = await browser.newContext(viewport ? { viewport } : {});
	const page = await context.newPage();
	await signInAs(page, email);
	await page.goto(`/meetings/${MIA_CONFERENCE}`);
	await expect(page.locator('.connection-indicator[data-status="connected"]')).toBeVisible();
	return page;
}

test('two people score on their own devices and both plots update live; the family’s plot reads on a phone', async ({
	browser
}) => {
	const sam = await personOnMeeting(browser, 'social.worker@demo.test');
	const jordan = await personOnMeeting(browser, 'other.parent@demo.test', {
		width: 390,
		height: 844
	});

	const samPlot = sam.locator(`.concern-card[data-concern="${MONDAYS}"] [data-testid="risk-plot"]`);
	const jordanPlot = jordan.locator(
		`article.concern[data-concern="${MONDAYS}"] [data-testid="risk-plot"]`
	);
	await expect(samPlot.locator('svg.risk-plot-svg')).toBeVisible();
	await expect(jordanPlot.locator('svg.risk-plot-svg')).toBeVisible();
	// The demo's scores: Jordan 6; Sam 4, Kim 5, PC Reid 5.
	await expect(samPlot.getByTestId('risk-plot-words')).toContainText(
		'parents 6, professionals 4–5'
	);
	await expect(jordanPlot.getByTestId('risk-plot-words')).toContainText(
		'You said 6, the workers said 4 to 5'
	);

	// Sam scores on the laptop: Jordan's phone plot moves.
	await sam.getByRole('button', { name: 'Score 9 for Mia misses school on Mondays' }).click();
	await expect(jordanPlot.getByTestId('risk-plot-words')).toContainText('the workers said 5 to 9');
	// Jordan scores on the phone: Sam's plot moves, with the parent's diamond labelled.
	await jordan.locator(`input[name="family-score-${MONDAYS}"][value="8"]`).check({ force: true });
	await expect(samPlot.getByTestId('risk-plot-words')).toContainText(
		'parents 8, professionals 5–9'
	);
	await expect(samPlot.locator('svg.risk-plot-svg text', { hasText: 'Jordan 8' })).toHaveCount(1);
	await expect(jordanPlot.locator('svg.risk-plot-svg text', { hasText: 'You 8' })).toHaveCount(1);

	// The family's plot fits the phone: no sideways scrolling, plain words, no jargon.
	const box = await jordanPlot.locator('svg.risk-plot-svg').boundingBox();
	expect(box!.width).toBeLessThanOrEqual(390);
	expect(box!.height).toBeGreaterThan(150);
	expect(await jordan.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
		390
	);
	await expect(jordanPlot).not.toContainText(/median|professional/i);
	await expectAccessible(jordan);
	await expectAccessible(sam);

	// Put the demo's scores back for the specs that follow.
	await sam.getByRole('button', { name: 'Score 4 for Mia misses school on Mondays' }).click();
	await jordan.locator(`input[name="family-score-${MONDAYS}"][value="6"]`).check({ force: true });
	await expect(samPlot.getByTestId('risk-plot-words')).toContainText(
		'parents 6, professionals 4–5'
	);
	await sam.context().close();
	await jordan.context().close();
});

test('the projector shows each concern’s plot at the child’s journey, large and without controls', async ({
	page
}) => {
	await page.setViewportSize({ width: 1920, height: 1080 });
	await signInAs(page, 'chair@demo.test');
	// The demo's conference is at the plan: the chair takes it back to the journey (key 5), and
	// on to the plan again at the end (key 8), as the specs that follow expect.
	const room = await page.context().newPage();
	await room.goto(`/meetings/${MIA_CONFERENCE}`);
	await expect(
		room.locator('.connection-indicator[data-status="connected"]').first()
	).toBeVisible();
	await room.locator('h1').click();
	await room.keyboard.press('5');
	await expect(room.locator('.room-bar .now')).toContainText("child's journey");
	await page.goto(`/meetings/${MIA_CONFERENCE}/present`);
	const plot = page.locator(`[data-concern="${MONDAYS}"] [data-testid="risk-plot"]`);
	await expect(plot.locator('svg[data-size="projector"]')).toBeVisible();
	await expect(plot.locator('button, input')).toHaveCount(0);
	// The plot is drawn again as the panel settles: read its width once it stands on the page.
	await expect
		.poll(async () => (await plot.locator('svg.risk-plot-svg').boundingBox())?.width ?? 0)
		.toBeGreaterThan(400);
	await expectAccessible(page);
	await room.keyboard.press('8');
	await expect(page.locator('[data-panel="plan"]')).toBeVisible();
	await room.close();
});

test('the child’s page shows Chrissie’s history from the two child in need reviews, with links to the meetings', async ({
	page
}) => {
	await signInAs(page, 'social.worker@demo.test');
	const api = await page.request.get(`/api/children/${CHRISSIE}/risk-history`);
	expect(api.status()).toBe(200);
	await page.goto(`/children/${CHRISSIE}`);
	await expect(page.getByRole('heading', { level: 1, name: 'Chrissie Walker' })).toBeVisible();
	const late = page.locator('[data-testid="risk-plot"][data-concern="demo-late-school"]');
	await expect(late.locator('svg.risk-plot-svg')).toBeVisible();
	// Both reviews are points on the plot (and the conference too, once it has run).
	expect(Number(await late.getAttribute('data-points'))).toBeGreaterThanOrEqual(2);
	await expect(late.locator('svg.risk-plot-svg text', { hasText: 'CIN review' })).toHaveCount(2);
	await expect(late.getByTestId('risk-plot-words')).toContainText(
		'Chrissie is often an hour late for school: parents'
	);
	await expect(
		page.getByTestId('child-meetings').getByRole('link', { name: 'Child in need review' })
	).toHaveCount(2);
	await expectAccessible(page);

	// Another family's parent may not see Chrissie.
	await page.context().clearCookies();
	await signInAs(page, 'other.parent@demo.test');
	expect((await page.request.get(`/api/children/${CHRISSIE}/risk-history`)).status()).toBe(404);
	expect((await page.goto(`/children/${CHRISSIE}`))!.status()).toBe(404);
});
