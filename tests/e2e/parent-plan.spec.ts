import { expect, test } from '@playwright/test';
import {
	copyDemoMeeting,
	demoMeetings,
	endCoreGroupWithPlan,
	expectAccessible,
	signInAs
} from './helpers';

// On a core group of its own (a copy of the demo's), so it runs in any order.
test('the chair ends the core group; the parent opens the parent plan on a phone and gets nothing else', async ({
	browser
}) => {
	const CORE_GROUP = await copyDemoMeeting(demoMeetings.coreGroup);
	const chairContext = await browser.newContext();
	const chair = await chairContext.newPage();
	await signInAs(chair, 'chair@demo.test');
	const documents = await endCoreGroupWithPlan(chair, CORE_GROUP);
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
