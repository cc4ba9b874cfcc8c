/**
 * "Follow the chair": a screen shows the chair's current section as the chair moves on, unless
 * its user has scrolled away from it or is typing; then they keep their place and "Back to the
 * chair" brings them back. The chair's own screen never moves by itself. Each screen tells the
 * others which section it is on (presence), or none once it has stopped following.
 *
 * Create it while a component initialises: it runs effects for as long as the component lives.
 */
import { tick } from 'svelte';

/** What following needs from the page; read through a getter. */
export interface FollowTheChairProps {
	/** The section the screen should show: the chair's. */
	current: string | null;
	/** Whether the record has loaded (until then there is nothing to follow). */
	ready: boolean;
	/** The chair's own screen. */
	isChair: boolean;
	/** Tells others which section this person is looking at. */
	announce: (section: string | null) => void;
}

/** The page's sections, as following sees them (a plain object in tests). */
export interface SectionScreen {
	/** Whether the section is on the page. */
	has(key: string): boolean;
	/** Scrolls smoothly to the section. */
	scrollTo(key: string): void;
	/** Whether some of the section shows between the sticky bar and the bottom; null when it is not on the page. */
	isOnScreen(key: string): boolean | null;
	/** Whether the person is writing: in an editor or a form field. */
	isTyping(): boolean;
}

/** How long scroll events after a scroll of our own are ignored (a smooth scroll takes a while). */
const OWN_SCROLL_MS = 1200;

export class FollowTheChair {
	/** False once the person has moved away from the chair's section. */
	following = $state(true);

	readonly #props: () => FollowTheChairProps;
	readonly #screen: SectionScreen;
	#lastFollowed: string | null = null;
	#ownScrollUntil = 0;

	constructor(props: () => FollowTheChairProps, screen: SectionScreen = pageSections) {
		this.#props = props;
		this.#screen = screen;
		$effect(() => this.followChair());
		$effect(() => this.announce());
	}

	/** Shows the chair's section if it changed since last time; an effect runs it on every change. */
	followChair(): void {
		const { current, ready, isChair } = this.#props();
		if (!current || current === this.#lastFollowed || !ready) return;
		this.#lastFollowed = current;
		if (isChair) return; // the chair scrolls themselves
		if (this.following && !this.#screen.isTyping()) void this.show(current);
		else this.following = false; // someone mid-sentence keeps their place; the button offers the way back
	}

	/** Tells others which section this screen is on, or none once it stopped following; an effect runs it. */
	announce(): void {
		const { current, ready, announce } = this.#props();
		if (!ready || !current) return;
		announce(this.following ? current : null);
	}

	/** Scrolls to a section (once the page has caught up), ignoring the scroll events it causes. */
	async show(key: string): Promise<void> {
		await tick();
		if (!this.#screen.has(key)) return;
		this.#ownScrollUntil = Date.now() + OWN_SCROLL_MS;
		this.#screen.scrollTo(key);
	}

	/** "Back to the chair". */
	backToChair(): void {
		this.following = true;
		const { current } = this.#props();
		if (current) void this.show(current);
	}

	/** Whether the person is writing (a key alone then types, and moves nothing). */
	typing(): boolean {
		return this.#screen.isTyping();
	}

	/** The person chose a section from the agenda: following only if it is the chair's. */
	choose(key: string): void {
		this.following = key === this.#props().current;
	}

	/** The page scrolled: a scroll of the person's own that leaves the chair's section stops following. */
	noticeScroll(): void {
		const { current, isChair } = this.#props();
		if (Date.now() < this.#ownScrollUntil || isChair || !current) return;
		if (this.#screen.isOnScreen(current) === false) this.following = false;
	}
}

const sectionElement = (key: string) => document.getElementById(`section-${key}`);

/** The meeting room's sections: `#section-{key}`. */
export const pageSections: SectionScreen = {
	has: (key) => sectionElement(key) !== null,
	scrollTo: (key) => sectionElement(key)?.scrollIntoView({ behavior: 'smooth', block: 'start' }),
	isOnScreen(key) {
		const element = sectionElement(key);
		if (!element) return null;
		const box = element.getBoundingClientRect();
		return box.bottom > 80 && box.top < window.innerHeight - 40;
	},
	isTyping() {
		const active = document.activeElement;
		return (
			!!active &&
			(active.closest('.ProseMirror') !== null ||
				['INPUT', 'TEXTAREA', 'SELECT'].includes(active.tagName) ||
				(active as HTMLElement).isContentEditable)
		);
	}
};
