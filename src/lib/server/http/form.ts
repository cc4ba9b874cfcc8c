/**
 * The form actions' edge (issue 23): a refused command becomes `fail(status, …)` with the
 * field's message where the page shows it; a 404 is the page's "Not found"; anything that is
 * not a CommandError is thrown on.
 */
import { error, fail, type ActionFailure } from '@sveltejs/kit';
import { CommandError } from '../command-error';
import { fieldOf, type FieldNaming } from './json';

/** The page's data for one refusal, built from the field's errors and the message. */
type Shape<T> = (errors: Record<string, string>, message: string) => T;

export function commandFail<T extends Record<string, unknown>>(
	problem: unknown,
	shape: Shape<T>,
	naming: FieldNaming = {}
): ActionFailure<T> {
	if (!(problem instanceof CommandError)) throw problem;
	if (problem.status === 404) error(404, 'Not found');
	return fail(
		problem.status,
		shape({ [fieldOf(problem, naming)]: problem.message }, problem.message)
	);
}
