import { describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { badInput, CommandError } from '../command-error';
import { commandJson } from './json';
import { commandFail } from './form';

// One error shape and one HTTP edge (issue 23): every refused command answers the same way.
describe('commandJson', () => {
	it('answers the status with the message, the field beside it and any details', async () => {
		const answer = commandJson(badInput('title', 'Write a shorter title.'));
		expect(answer.status).toBe(400);
		expect(await answer.json()).toEqual({
			message: 'Write a shorter title.',
			errors: { title: 'Write a shorter title.' }
		});
		const ended = commandJson(
			new CommandError(409, 'Before the meeting ends: take the register.', null, {
				problems: [{ kind: 'register-not-taken', message: 'Take the register.' }]
			})
		);
		expect(ended.status).toBe(409);
		expect(await ended.json()).toMatchObject({
			message: 'Before the meeting ends: take the register.',
			errors: { form: 'Before the meeting ends: take the register.' },
			problems: [{ kind: 'register-not-taken' }]
		});
	});

	it('names the field as the route does: a default, and the API’s own names', async () => {
		const plain = commandJson(new CommandError(404, 'No such document.'), { field: 'documentId' });
		expect(await plain.json()).toMatchObject({ errors: { documentId: 'No such document.' } });
		const renamed = commandJson(badInput('date', 'Choose a later date.'), {
			rename: { date: 'scheduledAt' }
		});
		expect(await renamed.json()).toMatchObject({ errors: { scheduledAt: 'Choose a later date.' } });
	});

	it('throws anything that is not a refused command on, to the 500 handler', () => {
		const broken = new Error('the database went away');
		expect(() => commandJson(broken)).toThrow(broken);
	});
});

describe('commandFail', () => {
	it('fails the form with the refusal shaped as the page shows it', () => {
		const failure = commandFail(
			new CommandError(409, 'This meeting has ended.', null),
			(errors, message) => ({ errors, message })
		);
		expect(failure.status).toBe(409);
		expect(failure.data).toEqual({
			errors: { form: 'This meeting has ended.' },
			message: 'This meeting has ended.'
		});
		const moved = commandFail(
			badInput('scheduledAt', 'Choose a time that has not passed yet.'),
			(errors) => ({ errors }),
			{ rename: { scheduledAt: 'date' } }
		);
		expect(moved.data).toEqual({ errors: { date: 'Choose a time that has not passed yet.' } });
	});

	it('turns a 404 into the page’s Not found, and throws anything else on', () => {
		let thrown: unknown;
		try {
			commandFail(new CommandError(404, 'No meeting with that id.'), () => ({}));
		} catch (problem) {
			thrown = problem;
		}
		expect(isHttpError(thrown, 404)).toBe(true);
		const broken = new TypeError('bug');
		expect(() => commandFail(broken, () => ({}))).toThrow(broken);
	});
});
