import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const DEMO_PASSWORD = 'roundtable-demo';

/** Signs in through the real form, as a person would. */
export async function signInAs(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
	await page.goto('/login');
	await page.locator('html[data-ready="true"]').waitFor();
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/meetings/);
}

/** Fails on any serious or critical accessibility violation. */
export async function expectAccessible(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
		[]
	);
}

/**
 * Collects every Content-Security-Policy violation the page reports (console and
 * `securitypolicyviolation` events): a strict policy must not cost the page anything it uses.
 */
export function watchCspViolations(page: Page): string[] {
	const violations: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
	});
	void page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) => {
			console.error(
				`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`
			);
		});
	});
	return violations;
}

/**
 * As business support (signed in on `page`): schedules a review conference of the spec's own for
 * the demo's Mia, invites her dad and the health visitor, and returns its id. A reason is given
 * for the date: another spec may have started a plan for Mia, making a review due sooner.
 */
export async function scheduleMiaReview(
	page: Page,
	props: { title: string; date: string }
): Promise<string> {
	const origin = new URL(page.url()).origin;
	const form = { headers: { accept: 'text/html', origin }, maxRedirects: 0 };
	const made = await page.request.post('/meetings/new', {
		...form,
		form: {
			kind: 'review-conference',
			title: props.title,
			date: props.date,
			time: '10:00',
			chairId: '00000000-0000-4000-8000-000000000101',
			childIds: '00000000-0000-4000-8000-000000000203',
			reason: 'A test review conference on a date the test chooses.'
		}
	});
	expect(made.status()).toBe(303);
	const meetingId = new URL(made.headers()['location'], origin).pathname.split('/').pop()!;
	for (const [userId, role] of [
		['00000000-0000-4000-8000-000000000108', 'parent'], // Jordan Price, Mia's dad
		['00000000-0000-4000-8000-000000000105', 'professional'] // Kim Lee, health visitor
	]) {
		const invited = await page.request.post(`/meetings/${meetingId}?/invite`, {
			...form,
			form: { userId, role }
		});
		expect(invited.status(), `${role} invited`).toBe(200);
	}
	return meetingId;
}

/**
 * Chooses a child on the schedule form's picker: types the search into the combobox and
 * chooses the option whose name matches, with the keyboard (↓ until it is the active option,
 * then Enter).
 */
export async function chooseChild(page: Page, search: string, option: RegExp): Promise<void> {
	const box = page.getByRole('combobox', { name: 'Which children is it about?' });
	await box.fill(search);
	const listbox = page.getByRole('listbox', { name: 'Children found' });
	await expect(listbox.getByRole('option', { name: option })).toHaveCount(1);
	for (let i = 0; i < 20; i++) {
		const active = await box.getAttribute('aria-activedescendant');
		const words = active ? await page.locator(`[id="${active}"]`).textContent() : null;
		if (words && option.test(words.trim())) break;
		await box.press('ArrowDown');
	}
	await box.press('Enter');
	const chosen = new RegExp(option.source.replace(/^\^/, ''));
	await expect(page.getByTestId('chosen-child').filter({ hasText: chosen })).toHaveCount(1);
}
