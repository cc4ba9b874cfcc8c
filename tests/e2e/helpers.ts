import { request as httpRequest } from 'node:http';
import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { seedSocketPath } from './seed-socket';
import { writePlan } from './record-writer';

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

/** Opens the main navigation's Casework list: the unit's other work (issue 25), folded. */
export async function openCasework(page: Page): Promise<void> {
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByText('Casework', { exact: true })
		.click();
}

/** Fails on any serious or critical accessibility violation. */
export async function expectAccessible(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		// Only the violations are read: axe then skips gathering every passing node's details.
		.options({ resultTypes: ['violations'] })
		// axe.run in the page itself. The default runs each frame's part and then opens a blank
		// page of its own to join them (a renderer started, per check, for frames of other
		// origins, which Roundtable's pages never have): 150–450 ms a check against 330–1,000 ms
		// (docs/testing.md, "Accessibility checks").
		.setLegacyMode(true)
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
 * Chooses on a picker (the shared combobox): types the search into the combobox named `label`
 * and chooses, with the keyboard (↓ until it is the active option, then Enter), the option whose
 * words match `option` — or, given a string, the one whose name (its first, bold line) is it.
 */
export async function chooseInPicker(
	page: Page,
	props: { label: string; search: string; option: RegExp | string }
): Promise<void> {
	const { option } = props;
	const box = page.getByRole('combobox', { name: props.label, exact: true });
	await box.fill(props.search);
	const listbox = page.locator(`[id="${await box.getAttribute('aria-controls')}"]`);
	const wanted =
		typeof option === 'string'
			? listbox
					.getByRole('option')
					.filter({ has: page.locator('strong').getByText(option, { exact: true }) })
			: listbox.getByRole('option', { name: option });
	// A loaded machine was seen to lose the search typed into a form just opened: type it again
	// once before failing.
	try {
		await expect(wanted).toHaveCount(1, { timeout: 7_000 });
	} catch {
		await box.fill('');
		await box.fill(props.search);
		await expect(wanted).toHaveCount(1);
	}
	const id = await wanted.getAttribute('id');
	for (let i = 0; i < 20; i++) {
		if ((await box.getAttribute('aria-activedescendant')) === id) break;
		await box.press('ArrowDown');
	}
	await expect(box).toHaveAttribute('aria-activedescendant', id!);
	await box.press('Enter');
}

/**
 * Chooses a child on the schedule form's picker: types the search into the combobox and
 * chooses the option whose name matches, with the keyboard.
 */
export async function chooseChild(page: Page, search: string, option: RegExp): Promise<void> {
	await chooseInPicker(page, { label: 'Which children is it about?', search, option });
	const chosen = new RegExp(option.source.replace(/^\^/, ''));
	await expect(page.getByTestId('chosen-child').filter({ hasText: chosen })).toHaveCount(1);
}

/** Chooses the person of this name on a people picker (`label`: "Person with an account"). */
export async function choosePerson(page: Page, label: string, name: string): Promise<void> {
	await chooseInPicker(page, { label, search: name, option: name });
	await expect(page.getByTestId('chosen-person').filter({ hasText: name })).toHaveCount(1);
}

/** Chooses the agency of this name on an agency picker (`label`: "Agency"). */
export async function chooseAgency(page: Page, label: string, name: string): Promise<void> {
	await chooseInPicker(page, { label, search: name, option: name });
	await expect(page.getByTestId('chosen-agency').filter({ hasText: name })).toHaveCount(1);
}

const demoMeeting = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;
/** The demo's meetings a spec may copy (server/seed/demo-ids.ts). */
export const demoMeetings = {
	/** Chrissie's and Leo's initial conference, today, scheduled. */
	icpc: demoMeeting(301),
	/** Mia's core group, scheduled. */
	coreGroup: demoMeeting(302),
	cicReview: demoMeeting(303),
	lifeAppreciationDay: demoMeeting(304),
	disruptionMeeting: demoMeeting(305),
	/** Mia's conference, live and filled in up to the plan, ready to end. */
	miaConference: demoMeeting(308)
} as const;

/** Asks the demo server's seeding socket (tests/e2e/seed-meetings.ts) one question. */
function askSeeding<T>(question: object): Promise<T> {
	return new Promise((resolve, reject) => {
		const asked = httpRequest(
			{
				socketPath: seedSocketPath(Number(process.env.E2E_PORT ?? 4173)),
				path: '/',
				method: 'POST',
				headers: { 'content-type': 'application/json' }
			},
			(response) => {
				let body = '';
				response.on('data', (chunk) => (body += chunk));
				response.on('end', () =>
					response.statusCode === 200
						? resolve(JSON.parse(body) as T)
						: reject(new Error(`asking the seeding socket ${JSON.stringify(question)}: ${body}`))
				);
			}
		);
		asked.on('error', reject);
		asked.end(JSON.stringify(question));
	});
}

/** The newest message queued to `address` about a meeting, as its inbox would show it. */
export function lastMailTo(
	address: string,
	meetingId: string
): Promise<{ subject: string; textBody: string }> {
	return askSeeding({ mailTo: { address, meetingId } });
}

/**
 * Adds families with their children to a unit (named by its name) straight into the server's
 * database, many in one go: for a spec that needs a unit of a thousand children, which the API
 * would add one request at a time (tests/e2e/seed-meetings.ts). Answers the families' ids, in order.
 */
export async function addHouseholds(
	households: { unit: string; name: string; children: { name: string; dateOfBirth: string }[] }[]
): Promise<string[]> {
	return (await askSeeding<{ familyIds: string[] }>({ households })).familyIds;
}

/**
 * Puts back the password a demo account had when the demo loaded (tests/e2e/seed-meetings.ts):
 * for a spec that has someone choose a new one, since the other specs sign in with the demo's.
 */
export async function restoreDemoPassword(userId: string): Promise<void> {
	await askSeeding({ restorePassword: userId });
}

/**
 * A meeting of the calling spec's own, a copy of one of the demo's as the demo loaded it (its
 * people, children, reports, queued mail, and for Mia's conference its record): a spec that
 * starts, ends, moves or invites to a meeting uses one, so no spec depends on another's order
 * (tests/e2e/seed-meetings.ts).
 */
export async function copyDemoMeeting(
	like: string,
	props: { title?: string } = {}
): Promise<string> {
	return (await askSeeding<{ meetingId: string }>({ like, ...props })).meetingId;
}

/**
 * As the chair (signed in on `page`): starts a copy of the demo core group (scheduled), writes
 * its plan over the socket, ends it, and returns the documents ending made — the 24-hour plan,
 * the notes and the parent plan Mia's dad may open.
 */
export async function endCoreGroupWithPlan(
	page: Page,
	meetingId: string
): Promise<{ id: string; kind: string; url: string }[]> {
	const origin = new URL(page.url()).origin;
	const about = await (await page.request.get(`/api/meetings/${meetingId}`)).json();
	expect(
		(await page.request.post(`/api/meetings/${meetingId}/start`, { headers: { origin } })).status()
	).toBe(200);
	await writePlan({
		page,
		meetingId,
		childId: about.children[0].id,
		outcome: 'Mia gets to nursery on time every day',
		actions: [
			{ what: 'Walk Mia to nursery by 9 each morning', who: 'Jordan Price', byWhen: '2030-03-02' },
			{ what: 'Check Mia’s hearing again', who: 'HV', byWhen: '2030-03-09' }
		],
		reviewDate: '2030-05-04'
	});
	const ended = await page.request.post(`/api/meetings/${meetingId}/end`, {
		headers: { origin },
		data: { confirm: true, reason: 'This browser test takes no register.' }
	});
	expect(ended.status()).toBe(200);
	return ((await ended.json()) as { documents: { id: string; kind: string; url: string }[] })
		.documents;
}
