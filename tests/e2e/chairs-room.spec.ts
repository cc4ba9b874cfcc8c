import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { expectAccessible, signInAs } from './helpers';

/**
 * Issue 28, the chair's room and the projector, in the browser. The story schedules a conference
 * of its own for Mia (business support, through the API) so the demo's meetings stay as they were:
 * - at 1366 × 768 the live page opens on the agenda and the current section's record, and what
 *   was prepared before is folded to one line each that opens from the keyboard;
 * - the chair reaches a section with one key (the key alone, or Alt with it while typing);
 * - the projector's right-hand panel follows the section: the journey at the child's journey,
 *   the views at the decision, the plan at the plan; no two of a plot's labels overlap;
 * - a caret's name sits between the lines, never over the line above.
 */
const MIA = '00000000-0000-4000-8000-000000000203';
const CHAIR = '00000000-0000-4000-8000-000000000101';
const laptop = { width: 1366, height: 768 };
const projectorSize = { width: 1280, height: 720 };

async function liveConference(browser: Browser, title: string): Promise<string> {
	const context = await browser.newContext();
	const office = await context.newPage();
	await signInAs(office, 'admin@demo.test');
	const origin = new URL(office.url()).origin;
	const form = { headers: { accept: 'text/html', origin }, maxRedirects: 0 };
	const scheduled = await office.request.post('/meetings/new', {
		...form,
		form: {
			kind: 'initial-conference',
			title,
			date: `${new Date().getFullYear() + 1}-06-16`,
			time: '10:00',
			chairId: CHAIR,
			childIds: MIA
		}
	});
	expect(scheduled.status(), 'scheduled').toBe(303);
	const meetingId = scheduled.headers()['location'].split('/').pop()!;
	for (const [userId, role] of [
		['00000000-0000-4000-8000-000000000102', 'minute-taker'], // Alan Brooks
		['00000000-0000-4000-8000-000000000103', 'professional'], // Sam Okafor
		['00000000-0000-4000-8000-000000000108', 'parent'] // Jordan Price
	]) {
		const invited = await office.request.post(`/meetings/${meetingId}?/invite`, {
			...form,
			form: { userId, role, ...(role === 'professional' ? { voting: 'on' } : {}) }
		});
		expect(invited.status(), `${role} invited`).toBe(200);
	}
	await context.close();
	return meetingId;
}

/** Whether the element's box starts within the first screen (and is not scrolled above it). */
async function inFirstScreen(locator: Locator, height: number) {
	const box = await locator.boundingBox();
	expect(box, 'on the page').not.toBeNull();
	expect(box!.y, 'not above the screen').toBeGreaterThanOrEqual(0);
	expect(box!.y + Math.min(box!.height, 40), 'within the first screen').toBeLessThanOrEqual(height);
}

const now = (page: Page) => page.locator('.room-bar .now');

/** Every text box of every plot on the page, plot by plot. */
async function plotLabelOverlaps(page: Page): Promise<string[]> {
	return page.locator('svg.risk-plot-svg').evaluateAll((svgs) =>
		svgs.flatMap((svg, n) => {
			const boxes = [...svg.querySelectorAll('text')].map((t) => ({
				text: t.textContent ?? '',
				box: t.getBoundingClientRect()
			}));
			const out: string[] = [];
			for (let i = 0; i < boxes.length; i++)
				for (let j = i + 1; j < boxes.length; j++) {
					const a = boxes[i].box;
					const b = boxes[j].box;
					const overlapX = Math.min(a.right, b.right) - Math.max(a.left, b.left);
					const overlapY = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
					if (overlapX > 0.5 && overlapY > 0.5)
						out.push(`plot ${n}: "${boxes[i].text}" and "${boxes[j].text}"`);
				}
			return out;
		})
	);
}

test('the chair’s room at 1366 × 768: agenda and record first, one key to a section, the projector following', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const meetingId = await liveConference(browser, 'Chair’s room spec conference');
	const chair = await (await browser.newContext({ viewport: laptop })).newPage();
	await signInAs(chair, 'chair@demo.test');
	await chair.goto(`/meetings/${meetingId}`);
	await chair.getByRole('button', { name: 'Start meeting' }).click();
	await expect(
		chair.locator('.room-bar .connection-indicator[data-status="connected"]')
	).toBeVisible();
	await expect(now(chair)).toContainText('Welcome');

	// The first screen: the agenda and Welcome with its register.
	await inFirstScreen(chair.getByRole('navigation', { name: 'Agenda' }), laptop.height);
	await inFirstScreen(chair.locator('#heading-welcome'), laptop.height);
	await inFirstScreen(chair.getByRole('region', { name: 'The register' }), laptop.height);

	// What was prepared before: one line each, folded, opened from the keyboard.
	const voices = chair.getByTestId('fold-voices');
	await expect(voices).not.toHaveAttribute('open');
	await expect(voices.locator(':scope > summary')).toContainText('Heard before the meeting');
	await expect(voices.locator(':scope > summary')).toContainText('on the record');
	await expect(chair.getByTestId('people-panel').locator(':scope > summary')).toContainText(
		'4 invited'
	);
	await voices.locator(':scope > summary').focus();
	await chair.keyboard.press('Enter');
	await expect(voices).toHaveAttribute('open');
	await expect(voices.getByRole('heading', { name: 'Heard before the meeting' })).toBeVisible();
	await chair.keyboard.press('Enter');
	await expect(voices).not.toHaveAttribute('open');

	// One key: 5 goes to the child's journey (the focus is on no text field).
	await chair.locator('h1').click();
	await chair.keyboard.press('5');
	await expect(now(chair)).toContainText("child's journey");
	await expect(chair.locator('.agenda li[aria-current="step"]')).toContainText("child's journey");

	// Typing in the record: a digit is a digit, and Alt with it moves the meeting.
	const notes = chair.getByRole('textbox', { name: /Notes: The child's journey/ });
	await notes.click();
	await chair.keyboard.type('Mia is 6');
	await expect(notes).toContainText('Mia is 6');
	await expect(now(chair)).toContainText("child's journey");
	await chair.keyboard.press('Alt+6');
	await expect(now(chair)).toContainText('Strengths');
	await chair.keyboard.press('Alt+5');
	await expect(now(chair)).toContainText("child's journey");

	// A caret's name sits in the gap between lines: Alan's, on the second line, leaves the first clear.
	await chair.keyboard.press('Enter');
	await chair.keyboard.type('She likes her school.');
	const alan = await (await browser.newContext({ viewport: laptop })).newPage();
	await signInAs(alan, 'admin@demo.test');
	await alan.goto(`/meetings/${meetingId}`);
	await alan
		.getByRole('textbox', { name: /Notes: The child's journey/ })
		.getByText('She likes her school.')
		.click();
	const label = chair.locator('#section-child-journey .collaboration-carets__label');
	await expect(label).toContainText('Alan Brooks');
	// The label is drawn again on each awareness update: read its box once it stands still.
	let labelBox: { x: number; y: number; width: number; height: number } | null = null;
	await expect.poll(async () => (labelBox = await label.boundingBox())).not.toBeNull();
	labelBox = labelBox!;
	const firstLine = await notes
		.locator('p')
		.first()
		.evaluate((p) => {
			const range = document.createRange();
			range.selectNodeContents(p);
			const box = range.getBoundingClientRect();
			return { top: box.top, bottom: box.bottom };
		});
	expect(labelBox.y, 'the label starts below the first line’s letters').toBeGreaterThanOrEqual(
		firstLine.bottom - 0.5
	);
	await alan.context().close();

	// A reload mid-meeting opens on the section the meeting is at, with the agenda beside it.
	await chair.reload();
	await expect(
		chair.locator('.room-bar .connection-indicator[data-status="connected"]')
	).toBeVisible();
	await expect(chair.locator('#section-child-journey')).toBeInViewport();
	await inFirstScreen(chair.getByRole('navigation', { name: 'Agenda' }), laptop.height);
	await inFirstScreen(chair.locator('#heading-child-journey'), laptop.height);
	await inFirstScreen(
		chair.locator('#section-child-journey').getByRole('heading', { name: "Mia Price's journey" }),
		laptop.height
	);
	await expectAccessible(chair);
	await chair.screenshot({ path: 'test-results/chairs-room-1366.png' });

	// A concern, scored by the chair and by Jordan on his phone, both 7: their labels meet.
	const board = chair.locator('#section-child-journey');
	await board
		.getByLabel('What happens to the child, in their terms')
		.fill('Mia is late for school');
	await board.getByRole('button', { name: 'Add the concern' }).click();
	await board.getByRole('button', { name: 'Score 7 for Mia is late for school' }).click();
	const jordan = await (
		await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true })
	).newPage();
	await signInAs(jordan, 'other.parent@demo.test');
	await jordan.goto(`/meetings/${meetingId}`);
	const concernId = await board.locator('.concern-card').first().getAttribute('data-concern');
	await jordan.locator(`input[name="family-score-${concernId}"][value="7"]`).check({ force: true });

	// The projector follows: the journey at 5, the views at the decision, the plan at the plan.
	const projector = await (await browser.newContext({ viewport: projectorSize })).newPage();
	await signInAs(projector, 'chair@demo.test');
	await projector.goto(`/meetings/${meetingId}/present`);
	await expect(projector.getByTestId('projector-current-title')).toContainText("child's journey");
	await expect(
		projector.getByRole('heading', { name: /The child's journey: how safe/ })
	).toBeVisible();
	await expect(projector.locator('svg.risk-plot-svg text', { hasText: 'Jordan 7' })).toHaveCount(1);
	expect(await plotLabelOverlaps(projector)).toEqual([]);
	await projector.screenshot({ path: 'test-results/projector-journey.png' });
	await chair.keyboard.press('7');
	await expect(projector.getByTestId('projector-current-title')).toContainText('Decision');
	await expect(projector.locator('[data-panel="decision"]')).toBeVisible();
	await expect(
		projector.getByRole('heading', { name: /The child's journey: how safe/ })
	).toHaveCount(0);
	await projector.screenshot({ path: 'test-results/projector-decision.png' });
	await chair.keyboard.press('8');
	await expect(projector.getByTestId('projector-current-title')).toContainText('plan');
	await expect(projector.locator('[data-panel="plan"]')).toBeVisible();
	await expectAccessible(projector);
	await projector.screenshot({ path: 'test-results/projector-plan.png' });
	for (const page of [projector, jordan, chair]) await page.context().close();
});
