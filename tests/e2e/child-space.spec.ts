import { expect, test, type Browser, type Page } from '@playwright/test';
import {
	copyDemoMeeting,
	DEMO_PASSWORD,
	demoMeetings,
	expectAccessible,
	lastMailTo,
	restoreDemoPassword,
	scheduleMiaReview,
	signInAs
} from './helpers';

/**
 * Issue 27, done when: a child in care signs in with their link on a phone (Tyler has forgotten
 * his password: his reviewing officer gives him a new link from his page), reads their next review and their
 * tracker card, and sends "I want to see my brother more" to their reviewing officer, who reads
 * and answers it; another child (given an account and a set-up link here) cannot read it (404).
 * After End, a parent answers the feedback on the phone, a professional through the link in
 * their email, and the manager sees both in the figures the same day. Seeds what it needs (its own review for Mia; Kai's
 * account), and puts Tyler's demo password back at its end (the other specs sign in with it),
 * so it does not depend on the order the specs run in.
 */
const TYLER = '00000000-0000-4000-8000-000000000204';
/** Tyler's own account (server/seed/demo-ids.ts). */
const TYLER_ACCOUNT = '00000000-0000-4000-8000-000000000110';
const KAI = '00000000-0000-4000-8000-000000000206';
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const run = Date.now().toString(36);

async function phonePage(browser: Browser) {
	const context = await browser.newContext(phone);
	return { context, page: await context.newPage() };
}

test.afterEach(async () => {
	// Tyler chose a new password in the first test: the demo's again, whatever happened there
	// (the tests below, and other specs, sign in as him with it).
	await restoreDemoPassword(TYLER_ACCOUNT);
});

test('a child in care signs in with a new link from their reviewing officer on a phone, reads their space and tells the reviewing officer, who answers; another child cannot read it', async ({
	browser
}) => {
	// Tyler has forgotten his password: his reviewing officer gives him a new link from his page.
	const officerContext = await browser.newContext();
	const officer = await officerContext.newPage();
	await signInAs(officer, 'chair@demo.test');
	await officer.goto(`/children/${TYLER}`);
	await officer.locator('html[data-ready="true"]').waitFor();
	const account = officer.getByTestId('child-account');
	await expect(account).toContainText('child@demo.test');
	await account.getByRole('button', { name: 'Give Tyler a new link' }).click();
	const linkField = account.getByLabel('Tyler’s set-up link');
	await expect(linkField).toHaveValue(/\/invite\//);
	await expectAccessible(officer);
	const newLink = await linkField.inputValue();

	// He opens it on his phone, chooses a password, and lands in his own space.
	const child = await phonePage(browser);
	await child.page.goto(new URL(newLink).pathname);
	await expect(
		child.page.getByRole('heading', { level: 1, name: 'Choose a new password' })
	).toBeVisible();
	await expect(child.page.getByText('child@demo.test')).toBeVisible();
	await child.page.getByLabel('Choose a password').fill('green rockets hum at midnight');
	await child.page.getByLabel('Type the password again').fill('green rockets hum at midnight');
	await child.page.getByRole('button', { name: 'Save my new password' }).click();
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
	// The link worked once: opened again, it says so.
	await other.page.goto(new URL(newLink).pathname);
	await expect(other.page.getByRole('alert')).toContainText('used already');
	await Promise.all([child.context.close(), other.context.close(), officerContext.close()]);
});

test('after End the parent answers the feedback on a phone, a professional through the link in their email, and the manager sees both the same day', async ({
	browser
}) => {
	// Today's figures before: the manager must see exactly these two answers added, not any
	// other spec's (one worker: nothing else answers while this test runs).
	const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
	const figuresToday = async (page: Page) =>
		(
			(await (await page.request.get(`/api/oversight?from=${today}&to=${today}`)).json()) as {
				feedback: {
					responses: number;
					byRole: { parent: number; professional: number };
					comments: { better: string }[];
				};
			}
		).feedback;
	const managerBefore = await browser.newPage();
	await signInAs(managerBefore, 'manager@demo.test');
	const before = await figuresToday(managerBefore);
	await managerBefore.close();

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
	const after = await figuresToday(manager);
	expect(after.byRole.parent).toBe(before.byRole.parent + 1);
	expect(after.byRole.professional).toBe(before.byRole.professional + 1);
	expect(after.responses).toBe(before.responses + 2);
	expect(after.comments.map((c) => c.better)).toContain('[name] wanted [name] to be asked first');
	await manager.goto(`/oversight?from=${today}&to=${today}`);
	await expect(manager.getByRole('heading', { name: 'Feedback after meetings' })).toBeVisible();
	await manager.close();
});

test('the unit invites a child to their own review, never to another child’s; the child follows it on a phone in their words and answers the feedback after End', async ({
	browser
}) => {
	// A copy of the demo's review of Tyler, this spec's own (any order), and Mia's core group.
	const REVIEW = await copyDemoMeeting(demoMeetings.cicReview, { title: `Tyler's review ${run}` });
	const MIAS = await copyDemoMeeting(demoMeetings.coreGroup, { title: `Mia's core group ${run}` });
	const office = await browser.newPage();
	await signInAs(office, 'admin@demo.test');
	const notHis = await office.request.post(`/api/meetings/${MIAS}/participants`, {
		data: { userId: TYLER_ACCOUNT, role: 'child' }
	});
	expect(notHis.status()).toBe(400);
	expect(((await notHis.json()) as { errors: { userId: string } }).errors.userId).toContain(
		'only to a meeting about them'
	);
	const invited = await office.request.post(`/api/meetings/${REVIEW}/participants`, {
		data: { userId: TYLER_ACCOUNT, role: 'child' }
	});
	expect(invited.status()).toBe(201);
	await office.close();

	const chair = await browser.newPage();
	await signInAs(chair, 'chair@demo.test');
	expect((await chair.request.post(`/api/meetings/${REVIEW}/start`)).status()).toBe(200);

	// Tyler, on his phone: his meeting, named for him, in the family's view; nothing of Mia's.
	const child = await phonePage(browser);
	await child.page.goto('/login');
	await child.page.locator('html[data-ready="true"]').waitFor();
	await child.page.getByLabel('Email address or username').fill('child@demo.test');
	await child.page.getByLabel('Password').fill(DEMO_PASSWORD);
	await child.page.getByRole('button', { name: 'Sign in' }).click();
	await expect(child.page).toHaveURL(/\/me$/);
	await child.page.goto(`/meetings/${REVIEW}`);
	await expect(child.page.getByRole('heading', { level: 1 })).toHaveText(
		'Meeting to check how things are going for you'
	);
	await expect(child.page.getByTestId('family-now')).toContainText('Now:');
	await expect(child.page.getByRole('link', { name: 'Tyler Hughes' })).toHaveCount(0);
	await expectAccessible(child.page);
	expect((await child.page.request.get(`/meetings/${MIAS}`)).status()).toBe(404);

	// After End, he is asked first, in his version of the questions.
	expect(
		(
			await chair.request.post(`/api/meetings/${REVIEW}/end`, {
				data: { confirm: true, reason: 'A test review: no register is taken.' }
			})
		).status()
	).toBe(200);
	await chair.close();
	await child.page.reload();
	const feedback = child.page.getByTestId('feedback');
	await expect(feedback).toBeVisible();
	await feedback.getByRole('group', { name: 'Were you listened to?' }).getByText('5').click();
	await feedback
		.getByRole('group', { name: 'Do you know what happens next?' })
		.getByText('4')
		.click();
	await feedback
		.getByLabel('What difference has your reviewing officer made?')
		.fill('She listens to me.');
	await feedback.getByRole('button', { name: 'Send my answer' }).click();
	await expect(feedback.getByRole('status')).toContainText('Thank you');

	// His space now holds the letter from this review, under its own heading: one h1 a page.
	await child.page.goto('/me');
	await expect(
		child.page.getByRole('heading', { name: 'Your letter from your last review' })
	).toBeVisible();
	await expect(child.page.getByRole('heading', { level: 1 })).toHaveCount(1);
	await expectAccessible(child.page);
	await child.page.screenshot({ path: 'test-results/child-space-phone.png', fullPage: true });
	await child.context.close();
});
