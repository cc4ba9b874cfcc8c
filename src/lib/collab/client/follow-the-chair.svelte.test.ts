import { afterEach, describe, expect, it, vi } from 'vitest';
import { FollowTheChair, type SectionScreen } from './follow-the-chair.svelte';

/** A page of sections as following sees it: which are on screen, whether the person is typing. */
function fakeScreen(sections: string[]) {
	const screen: SectionScreen & { onScreen: Set<string>; typing: boolean; scrolledTo: string[] } = {
		onScreen: new Set<string>(),
		typing: false,
		scrolledTo: [],
		has: (key) => sections.includes(key),
		scrollTo(key) {
			screen.scrolledTo.push(key);
			screen.onScreen = new Set([key]);
		},
		isOnScreen: (key) => (sections.includes(key) ? screen.onScreen.has(key) : null),
		isTyping: () => screen.typing
	};
	return screen;
}

afterEach(() => {
	vi.restoreAllMocks();
});

function setUp(options: { isChair?: boolean } = {}) {
	const screen = fakeScreen(['welcome', 'parents', 'plan']);
	const page = { current: null as string | null, ready: false, isChair: options.isChair ?? false };
	const announced: (string | null)[] = [];
	const follow = new FollowTheChair(
		() => ({ ...page, announce: (section) => announced.push(section) }),
		screen
	);
	// Tests run Svelte's server build, where effects do not run: call what they would, after a
	// change, then wait for the tick show() waits for.

	const settle = async () => {
		follow.followChair();
		follow.announce();
		await new Promise((resolve) => setTimeout(resolve, 0));
	};
	return { screen, page, announced, follow, settle };
}

describe('FollowTheChair', () => {
	it('shows the chair’s section once the record has loaded, and each section the chair moves to', async () => {
		const { screen, page, announced, settle } = setUp();
		page.current = 'welcome';
		await settle();
		expect(screen.scrolledTo).toEqual([]); // nothing to follow before the record loads
		page.ready = true;
		await settle();
		page.current = 'parents';
		await settle();
		expect(screen.scrolledTo).toEqual(['welcome', 'parents']);
		expect(announced.at(-1)).toBe('parents');
	});

	it('keeps the place of someone typing; Back to the chair brings them to the chair’s section', async () => {
		const { screen, page, announced, follow, settle } = setUp();
		Object.assign(page, { current: 'welcome', ready: true });
		await settle();
		screen.typing = true;
		page.current = 'parents';
		await settle();
		expect(screen.scrolledTo).toEqual(['welcome']);
		expect(follow.following).toBe(false);
		expect(announced.at(-1)).toBeNull(); // no longer on the chair's section
		follow.backToChair();
		await settle();
		expect(follow.following).toBe(true);
		expect(screen.scrolledTo.at(-1)).toBe('parents');
		expect(announced.at(-1)).toBe('parents');
	});

	it('stops following when the person scrolls the chair’s section away, not when following scrolls', async () => {
		const { screen, page, follow, settle } = setUp();
		Object.assign(page, { current: 'welcome', ready: true });
		await settle();
		screen.onScreen = new Set(['plan']);
		follow.noticeScroll(); // the smooth scroll following started is still going: ignored
		expect(follow.following).toBe(true);
		vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 1300);
		follow.noticeScroll();
		expect(follow.following).toBe(false);
		page.current = 'plan';
		await settle();
		expect(screen.scrolledTo).toEqual(['welcome']); // they keep their place
	});

	it('follows again when the person picks the chair’s section from the agenda', async () => {
		const { page, follow, settle } = setUp();
		Object.assign(page, { current: 'parents', ready: true });
		await settle();
		follow.choose('plan');
		expect(follow.following).toBe(false);
		follow.choose('parents');
		expect(follow.following).toBe(true);
	});

	it('never moves the chair’s own screen', async () => {
		const { screen, page, follow, settle } = setUp({ isChair: true });
		Object.assign(page, { current: 'welcome', ready: true });
		await settle();
		page.current = 'parents';
		await settle();
		expect(screen.scrolledTo).toEqual([]);
		screen.onScreen = new Set();
		follow.noticeScroll();
		expect(follow.following).toBe(true);
	});
});
