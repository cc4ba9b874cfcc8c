import { expect, test, type Page } from '@playwright/test';
import { chooseInPicker, expectAccessible, signInAs, openCasework } from './helpers';

/**
 * Allegations against adults who work with children (issue 25, the LADO's cases), in the browser:
 * business support finds the cases from the navigation — the demo's case about Tyler first, its
 * clock run out, with no address for the London borough that placed him and so nothing offered
 * to send — then records a referral of its own about Kai through the page, with the keyboard, and
 * works it to its outcome: the threshold decision, an employer's action, a refused outcome with no
 * reason, then the outcome. Every page is checked with axe. A parent is offered no link, and the
 * pages answer 404. The spec's referral names an adult of its own; it touches no demo case.
 */

const TYLERS_CASE = '00000000-0000-4000-8000-000000000602';

/** Moves focus with Tab until `target` has it (at most 60 presses), as a keyboard user would. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>) {
	for (let i = 0; i < 60; i++) {
		if (await target.evaluate((element) => element === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error('Tab never reached the control');
}

test('business support records a referral and works it to its outcome through the pages', async ({
	page
}) => {
	test.setTimeout(90_000);
	await signInAs(page, 'admin@demo.test');
	await openCasework(page);
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Allegations' })
		.click();
	await expect(
		page.getByRole('heading', {
			level: 1,
			name: 'Allegations against adults who work with children'
		})
	).toBeVisible();
	await page.locator('html[data-ready="true"]').waitFor();

	// The demo's case about Tyler comes first: Lambeth has not seen him within three days.
	const open = page.getByTestId('open-allegations');
	await expect(open.locator('tbody tr').first()).toContainText('Dean Carter');
	await expect(open.locator('tbody tr').first()).toContainText(
		'Tyler Hughes not seen by London Borough of Lambeth'
	);
	await expectAccessible(page);

	// Tyler's case says why it cannot be raised by email: no address is recorded, none is made up.
	await page.goto(`/allegations/${TYLERS_CASE}`);
	const placed = page.getByTestId('placed-child');
	await expect(placed).toContainText('Not seen by London Borough of Lambeth');
	await expect(placed).toContainText('No email address is recorded for London Borough of Lambeth');
	await expect(placed.getByRole('button', { name: /^Email / })).toHaveCount(0);
	await expectAccessible(page);

	// A referral of the spec's own, typed with the keyboard.
	await page.goto('/allegations');
	await page.locator('html[data-ready="true"]').waitFor();
	const adult = `Sam Trent ${Date.now().toString(36)}`;
	const name = page.getByRole('group', { name: 'The adult the allegation is about' });
	await tabTo(page, name.getByLabel('Their name'));
	await page.keyboard.type(adult);
	await page.keyboard.press('Tab');
	await page.keyboard.type('Swimming coach');
	await page.keyboard.press('Tab');
	await page.keyboard.type('Riverside Leisure Centre');
	await page.getByLabel('The sector they work in').selectOption('sport-and-leisure');
	await chooseInPicker(page, {
		label: 'Which children does it concern?',
		search: 'Kai',
		option: 'Kai Morgan'
	});
	await tabTo(page, page.getByRole('radio', { name: 'Physical harm' }));
	await page.keyboard.press('ArrowDown'); // Sexual abuse
	await page.keyboard.press('ArrowDown'); // Emotional harm
	await expect(page.getByRole('radio', { name: 'Emotional harm' })).toBeChecked();
	const referrer = page.getByRole('group', { name: 'Who referred it' });
	await tabTo(page, referrer.getByLabel('Their name'));
	await page.keyboard.type('Pat Lowe');
	await page.keyboard.press('Tab');
	await page.keyboard.type('Riverside Leisure Centre');
	await tabTo(page, page.getByRole('button', { name: 'Record the referral' }));
	await page.keyboard.press('Enter');

	await expect(page).toHaveURL(/\/allegations\/[0-9a-f-]{36}$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Allegation against ${adult}`);
	await page.locator('html[data-ready="true"]').waitFor();
	await expect(
		page.getByText('Swimming coach, employed by Riverside Leisure Centre')
	).toBeVisible();
	await expect(page.getByRole('link', { name: 'Kai Morgan' })).toBeVisible();
	await expectAccessible(page);

	// The threshold decision, with its reasons: made today, so on time.
	const consideration = page.getByTestId('consideration');
	await tabTo(page, consideration.getByRole('radio', { name: /^Yes/ }));
	await page.keyboard.press('Space');
	await tabTo(page, consideration.getByLabel('The reasons'));
	await page.keyboard.type(
		'Kai says the coach shouted at him and called him names in front of others.'
	);
	await tabTo(page, consideration.getByRole('button', { name: 'Record the decision' }));
	await page.keyboard.press('Enter');
	await expect(consideration).toContainText('The threshold is met');
	await expect(consideration).toContainText('on time');
	await expect(consideration).toContainText('called him names');

	// An employer's action.
	const employer = page.getByTestId('employer-actions');
	await employer.getByLabel('What the employer did').selectOption('alternative-duties');
	await tabTo(page, employer.getByLabel('Note'));
	await page.keyboard.type('The centre manager moved him to duties away from children.');
	await tabTo(page, employer.getByRole('button', { name: 'Record the employer’s action' }));
	await page.keyboard.press('Enter');
	await expect(employer.getByRole('listitem')).toHaveText(
		/Moved to other duties, .*:\s+The centre manager moved him to duties away from children\./
	);

	// An outcome without its reason is refused, saying what to fix; then recorded.
	const outcome = page.getByTestId('outcome');
	await expect(outcome.getByRole('radio', { name: /Unfounded/ })).toHaveCount(0);
	await tabTo(page, outcome.getByRole('radio', { name: 'Substantiated', exact: true }));
	await page.keyboard.press('ArrowDown');
	await expect(outcome.getByRole('radio', { name: 'Unsubstantiated' })).toBeChecked();
	await tabTo(page, outcome.getByRole('button', { name: 'Record the outcome' }));
	await page.keyboard.press('Enter');
	await expect(outcome.getByRole('alert')).toHaveText('Say why the allegation concluded this way.');
	await expectAccessible(page);
	await tabTo(page, outcome.getByLabel('Why'));
	await page.keyboard.type('The strategy meeting found not enough evidence either way.');
	await tabTo(page, outcome.getByRole('button', { name: 'Record the outcome' }));
	await page.keyboard.press('Enter');
	await expect(outcome).toContainText('Unsubstantiated, recorded');
	await expect(outcome).toContainText('not enough evidence either way');
	await expect(outcome.getByRole('button')).toHaveCount(0);
	await expectAccessible(page);

	// Concluded, it leaves the open cases.
	await page.goto('/allegations');
	await expect(page.getByTestId('open-allegations')).not.toContainText(adult);
	await page.getByText(/^Concluded lately/).click();
	await expect(page.getByRole('link', { name: adult })).toBeVisible();
});

test('a parent is offered no link to the allegations, and their pages answer 404', async ({
	page
}) => {
	await signInAs(page, 'parent@demo.test');
	await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Allegations' })).toHaveCount(0);
	await expect(
		page.getByRole('navigation', { name: 'Main' }).getByText('Casework', { exact: true })
	).toHaveCount(0);
	for (const path of ['/allegations', `/allegations/${TYLERS_CASE}`]) {
		const answer = await page.goto(path);
		expect(answer?.status(), path).toBe(404);
		await expect(page.getByText('Tyler')).toHaveCount(0);
	}
});

test('the LADO schedules a strategy meeting from the case, with the keyboard, and chairs it; a parent gets 404', async ({
	page
}) => {
	await signInAs(page, 'lado@demo.test');
	await page.goto(`/allegations/${TYLERS_CASE}`);
	await page.locator('html[data-ready="true"]').waitFor();
	const meetings = page.getByRole('region', { name: 'Strategy and evaluation meetings' });
	// The demo's strategy meeting on Tyler's case is listed.
	await expect(meetings.getByTestId('linked-meetings')).toContainText(
		'Allegation strategy meeting'
	);
	await tabTo(page, meetings.getByRole('button', { name: 'Schedule a strategy meeting' }));
	await page.keyboard.press('Enter');
	const form = meetings.getByTestId('schedule-linked-meeting');
	await form.getByLabel('Date').fill('2030-03-04');
	await form.getByLabel('Time (UK)').fill('11:30');
	// The unit's chairs and its designated officer may chair it: Grace chairs her own.
	await form.getByLabel('Chair').selectOption({ label: 'Grace Oduya' });
	await expectAccessible(page);
	await page.screenshot({ path: 'test-results/lado-strategy-schedule.png', fullPage: true });
	await tabTo(page, form.getByRole('button', { name: 'Schedule a strategy meeting' }));
	await page.keyboard.press('Enter');
	await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
	const meetingUrl = page.url();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(
		'Allegation strategy meeting'
	);
	await expect(page.getByRole('button', { name: 'Start meeting' })).toBeVisible();
	await page.screenshot({ path: 'test-results/lado-strategy-meeting.png', fullPage: true });

	await page.context().clearCookies();
	await signInAs(page, 'parent@demo.test');
	const answer = await page.goto(meetingUrl);
	expect(answer?.status()).toBe(404);
});
