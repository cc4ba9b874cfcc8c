import { expect, test, type Browser } from '@playwright/test';
import {
	DEMO_PASSWORD,
	expectAccessible,
	lastMailTo,
	scheduleMiaReview,
	signInAs
} from './helpers';

/**
 * Issue 27, done when: a child in care signs in on a phone, reads their next review and their
 * tracker card, and sends "I want to see my brother more" to their reviewing officer, who reads
 * and answers it; another child (given an account and a set-up link here) cannot read it (404).
 * After End, a parent answers the feedback on the phone, a professional through the link in
 * their email, and the manager sees both in the figures the same day. Seeds what it needs (its own review for Mia; Kai's
 * account), so it does not depend on the order the specs run in.
 */
const TYLER = '00000000-0000-4000-8000-000000000204';
const KAI = '00000000-0000-4000-8000-000000000206';
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const run = Date.now().toString(36);

async function phonePage(browser: Browser) {
	const context = await browser.newContext(phone);
	return { context, page: await context.newPage() };
}

test('a child in care reads their space on a phone and tells their reviewing officer, who answers; another child cannot read it', async ({
	browser
}) => {
	// Tyler signs in with his username on his phone and lands in his own space.
	const child = await phonePage(browser);
	await child.page.goto('/login');
	await child.page.locator('html[data-ready="true"]').waitFor();
	await child.page.getByLabel('Email address or username').fill('child@demo.test');
	await child.page.getByLabel('Password').fill(DEMO_PASSWORD);
	await child.page.getByRole('button', { name: 'Sign in' }).click();
	await expect(child.page).toHaveURL(/\/me$/);
	// (Once a review of his has ended, his letter follows under its own heading.)
	await expect(child.page.getByRole('heading', { level: 1, name: 'Hello, Tyler' })).toBeVisible();
	const next = child.page.getByTestId('next-review');
	await expect(next).toContainText('Meeting to check how things are going for you');
	await expect(next).toContainText('Priya Shah, your reviewing officer');
	// Their reviewing officer's name and face (their initials until the chair adds a photo).
	const face = child.page.getByTestId('officer-photo');
	await expect(face).toHaveAttribute('alt', 'Priya Shah’s photo');
	await expect
		.poll(() => face.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
		.toBeGreaterThan(0);
	const tracker = child.page.getByTestId('tracker');
	// The actions of his latest ended meeting, each with its state: the demo's review, or one
	// another spec has ended for him since (any order).
	await expect(tracker).toContainText('This is what people said they would do.');
	await expect(tracker).toContainText(/Done|Being done now|Not started yet|Stuck/);
	await expectAccessible(child.page);

	await child.page
		.getByLabel('What do you want to tell them?')
		.fill('I want to see my brother more');
	await child.page.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(child.page.getByRole('status')).toContainText('Sent');
	await expect(child.page.getByTestId('conversation')).toContainText(
		'I want to see my brother more'
	);

	// His reviewing officer reads it and answers in the same place.
	const officer = await browser.newPage();
	await signInAs(officer, 'chair@demo.test');
	await officer.goto('/messages');
	const tyler = officer.getByRole('region', { name: 'Tyler' });
	await expect(tyler.getByTestId('conversation')).toContainText('I want to see my brother more');
	await tyler.getByLabel('Answer Tyler').fill('I will ask Sam to arrange more visits with him.');
	await tyler.getByRole('button', { name: 'Send the answer' }).click();
	await expect(tyler.getByTestId('conversation')).toContainText('arrange more visits');
	await child.page.reload();
	await expect(child.page.getByTestId('conversation')).toContainText('arrange more visits');

	// Another child: given an account by the reviewing officer, set up with the link on a phone.
	const made = await officer.request.post(`/api/children/${KAI}/account`, {
		data: { username: `kai.${run}` }
	});
	expect(made.status()).toBe(201);
	const { setUpLink } = (await made.json()) as { setUpLink: string };
	const other = await phonePage(browser);
	await other.page.goto(new URL(setUpLink).pathname);
	await other.page.getByLabel('Choose a password').fill('seven purple kites fly high');
	await other.page.getByLabel('Type the password again').fill('seven purple kites fly high');
	await other.page.getByRole('button', { name: 'Set up my account' }).click();
	await expect(other.page).toHaveURL(/\/me$/);
	await expect(other.page.getByRole('heading', { level: 1 })).toHaveText('Hello, Kai');
	await expect(other.page.getByText('brother')).toHaveCount(0);
	const peek = await other.page.request.get(`/api/messages?childId=${TYLER}`);
	expect(peek.status()).toBe(404);
	const own = await other.page.request.get('/api/messages');
	expect(JSON.stringify(await own.json())).not.toContain('brother');
	await Promise.all([child.context.close(), other.context.close(), officer.close()]);
});

test('after End the parent answers the feedback on a phone, a professional through the link in their email, and the manager sees both the same day', async ({
	browser
}) => {
	const office = await browser.newPage();
	await signInAs(office, 'admin@demo.test');
	const meetingId = await scheduleMiaReview(office, {
		title: `Feedback review ${run}`,
		date: `${new Date().getFullYear() + 1}-04-06`
	});
	await office.close();
	const chair = await browser.newPage();
	await signInAs(chair, 'chair@demo.test');
	expect((await chair.request.post(`/api/meetings/${meetingId}/start`)).status()).toBe(200);
	expect(
		(
			await chair.request.post(`/api/meetings/${meetingId}/end`, {
				data: { confirm: true, reason: 'A test review: no register is taken.' }
			})
		).status()
	).toBe(200);
	await chair.close();

	// Mia's dad, on his phone: the meeting page asks first.
	const parent = await phonePage(browser);
	await signInAs(parent.page, 'other.parent@demo.test');
	await parent.page.goto(`/meetings/${meetingId}`);
	const feedback = parent.page.getByTestId('feedback');
	await expect(feedback).toBeVisible();
	const box = await feedback.boundingBox();
	expect(box!.y).toBeLessThan(844);
	await feedback.getByRole('group', { name: 'Were you listened to?' }).getByText('4').click();
	await feedback
		.getByRole('group', { name: 'Do you know what happens next?' })
		.getByText('5')
		.click();
	await feedback
		.getByLabel('One thing that would have made it better')
		.fill('Jordan Price wanted Mia to be asked first');
	await feedback.getByRole('button', { name: 'Send my answer' }).click();
	await expect(feedback.getByRole('status')).toContainText('Thank you');
	await expectAccessible(parent.page);
	await parent.context.close();

	// The health visitor (invited as a professional) answers through the personal link in the
	// 24-hour plan's email that End sent (issue 22); a second answer is refused.
	const mail = await lastMailTo('health.visitor@demo.test', meetingId);
	const link = /https?:\/\/[^\s]+(\/feedback\/[^\s]+)/.exec(mail.textBody);
	expect(link, mail.textBody).not.toBeNull();
	const linkContext = await browser.newContext();
	const byLink = await linkContext.newPage();
	await byLink.goto(link![1]);
	const form = byLink.getByTestId('feedback');
	await form.getByRole('group', { name: 'Were you listened to?' }).getByText('2').click();
	await form.getByRole('group', { name: 'Do you know what happens next?' }).getByText('3').click();
	await form.getByRole('button', { name: 'Send my answer' }).click();
	await expect(form.getByRole('status')).toContainText('Thank you');
	await expectAccessible(byLink);
	await linkContext.close();
	const professional = await browser.newPage();
	await signInAs(professional, 'health.visitor@demo.test');
	const again = await professional.request.post(`/api/meetings/${meetingId}/feedback`, {
		data: { listenedTo: 2, knowWhatNext: 3 }
	});
	expect(again.status()).toBe(409);
	await professional.close();

	// The manager sees both in today's figures, without a name.
	const manager = await browser.newPage();
	await signInAs(manager, 'manager@demo.test');
	const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
	const figures = (await (
		await manager.request.get(`/api/oversight?from=${today}&to=${today}`)
	).json()) as {
		feedback: {
			responses: number;
			byRole: { parent: number; professional: number };
			comments: { better: string }[];
		};
	};
	expect(figures.feedback.byRole.parent).toBeGreaterThanOrEqual(1);
	expect(figures.feedback.byRole.professional).toBeGreaterThanOrEqual(1);
	expect(figures.feedback.comments.map((c) => c.better)).toContain(
		'[name] wanted [name] to be asked first'
	);
	await manager.goto(`/oversight?from=${today}&to=${today}`);
	await expect(manager.getByRole('heading', { name: 'Feedback after meetings' })).toBeVisible();
	await manager.close();
});
