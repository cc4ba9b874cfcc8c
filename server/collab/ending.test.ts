import { describe, expect, it } from 'vitest';
import { EndingMeetings } from './ending';

const settledNow = async (promise: Promise<void>) => {
	let done = false;
	void promise.then(() => (done = true));
	await new Promise((resolve) => setTimeout(resolve, 0));
	return done;
};

describe('EndingMeetings', () => {
	it('holds an upgrade decided while End runs, or that overlapped its start or end', async () => {
		const ending = new EndingMeetings();
		const before = ending.mark();
		expect(ending.overlapped('m1', before)).toBe(false);
		ending.begin('m1');
		expect(ending.overlapped('m1', before)).toBe(true);
		expect(ending.overlapped('m2', before)).toBe(false);
		const during = ending.mark();
		const held = ending.settled('m1');
		expect(await settledNow(held)).toBe(false);
		ending.end('m1');
		expect(await settledNow(held)).toBe(true);
		// Started during the End, decided after it: its read may have seen the uncommitted state.
		expect(ending.overlapped('m1', during)).toBe(true);
		// Started after it: nothing to fear.
		expect(ending.overlapped('m1', ending.mark())).toBe(false);
		ending.forget();
		expect(ending.overlapped('m1', before)).toBe(false);
	});

	it('counts two Ends of one meeting, and lets go when the last is over', async () => {
		const ending = new EndingMeetings();
		ending.begin('m1');
		ending.begin('m1');
		const held = ending.settled('m1');
		ending.end('m1');
		expect(await settledNow(held)).toBe(false);
		ending.end('m1');
		expect(await settledNow(held)).toBe(true);
		ending.end('m1'); // an extra "over" changes nothing
		expect(await settledNow(ending.settled('m1'))).toBe(true);
	});

	it('lets go after the longest hold, when the node that ended it never said it was over', async () => {
		const ending = new EndingMeetings(30);
		ending.begin('m1');
		const held = ending.settled('m1');
		expect(await settledNow(held)).toBe(false);
		await new Promise((resolve) => setTimeout(resolve, 60));
		expect(await settledNow(held)).toBe(true);
	});

	it('lets every held upgrade go when the server stops', async () => {
		const ending = new EndingMeetings();
		ending.begin('m1');
		ending.begin('m2');
		const held = [ending.settled('m1'), ending.settled('m2')];
		ending.clear();
		expect(await settledNow(Promise.all(held).then(() => {}))).toBe(true);
	});
});
