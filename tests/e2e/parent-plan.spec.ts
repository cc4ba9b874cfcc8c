import { expect, test } from '@playwright/test';
import { expectAccessible, signInAs } from './helpers';
import { writePlan } from './record-writer';

// Runs after live-record.spec.ts (files run alphabetically), which starts the demo core group.
const CORE_GROUP = '00000000-0000-4000-8000-000000000302';

test('the chair ends the core group; the parent opens the parent plan on a phone and gets nothing else', async ({
	browser
}) => {
	const chairContext = await browser.newContext();
	const chair = await chairContext.newPage();
	await signInAs(chair, 'chair@demo.test');
	const origin = new URL(chair.url()).origin;
	const about = await (await chair.request.get(`/api/meetings/${CORE_GROUP}`)).json();
	if (about.status === 'scheduled')
		expect(
			(
				await chair.request.post(`/api/meetings/${CORE_GROUP}/start`, { headers: { origin } })
			).status()
		).toBe(200);
	await writePlan({
		page: chair,
		meetingId: CORE_GROUP,
		childId: about.children[0].id,
		outcome: 'Mia gets to nursery on time every day',
		actions: [
			{ what: 'Walk Mia to nursery by 9 each morning', who: 'Jordan Price', byWhen: '2030-03-02' },
			{ what: 'Check Mia’s hearing again', who: 'HV', byWhen: '2030-03-09' }
		],
		reviewDate: '2030-05-04'
	});
	const ended = await chair.request.post(`/api/meetings/${CORE_GROUP}/end`, {
		headers: { origin },
		data: { confirm: true, reason: 'This browser test takes no register.' }
	});
	expect(ended.status()).toBe(200);
	const { documents } = (await ended.json()) as {
		documents: { id: string; kind: string; url: string }[];
	};
	expect(documents.map((d) => d.kind)).toEqual(['plan-24h', 'draft-notes', 'parent-plan']);

	// The chair sees the readability check on the parent plan before it goes out.
	const parentPlan = documents.find((d) => d.kind === 'parent-plan')!;
	await chair.goto(parentPlan.url);
	const panel = chair.getByRole('region', { name: 'Readability check before circulation' });
	await expect(panel).toContainText('reading age about');
	await expect(panel.locator('.jargon-replaced')).toContainText('HV');
	await chairContext.close();

	const parentContext = await browser.newContext({
		viewport: { width: 390, height: 844 },
		isMobile: true,
		hasTouch: true
	});
	const parent = await parentContext.newPage();
	await signInAs(parent, 'other.parent@demo.test');
	const list = await (await parent.request.get(`/api/meetings/${CORE_GROUP}/documents`)).json();
	expect(list.documents.map((d: { kind: string }) => d.kind)).toEqual(['parent-plan']);
	await parent.goto(parentPlan.url);
	await expect(parent.getByRole('heading', { level: 1, name: 'The plan for Mia' })).toBeVisible();
	const jobs = parent.getByRole('region', { name: 'Who does what, and by when' });
	await expect(jobs).toContainText(
		'Jordan Price will walk Mia to nursery by 9 each morning, by Saturday 2 March 2030.'
	);
	await expect(jobs).toContainText(
		'Kim Lee, the health visitor, will check Mia’s hearing again, by Saturday 9 March 2030.'
	);
	await expect(parent.getByText('HV')).toHaveCount(0);
	await expect(
		parent.getByRole('region', { name: 'Readability check before circulation' })
	).toHaveCount(0);
	// No sideways scrolling on a phone.
	expect(
		await parent.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)
	).toBe(true);
	await expectAccessible(parent);

	for (const other of documents.filter((d) => d.kind !== 'parent-plan')) {
		const response = await parent.goto(other.url);
		expect(response?.status()).toBe(404);
		const pdf = await parent.request.get(`${other.url}/pdf`);
		expect(pdf.status()).toBe(404);
	}
	await parentContext.close();
});
