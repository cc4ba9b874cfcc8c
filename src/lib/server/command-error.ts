/**
 * The one shape of a refused command (issue 23): the HTTP status the edge answers, plain words
 * saying what to do, and the field at fault when there is one. Commands throw it; the edge
 * (src/lib/server/http/) turns it into a form action's `fail(...)` or a JSON answer, so no
 * route tells one command's refusal from another's. Plain TypeScript: server/ runs it under Node.
 */

/** 400 bad input, 403 not this person's step, 404 not theirs to see, 409 out of turn, 413 too large. */
export type CommandStatus = 400 | 403 | 404 | 409 | 413;

export class CommandError extends Error {
	/** The form field or JSON property at fault; none when the whole request is refused. */
	readonly field?: string;
	constructor(
		readonly status: CommandStatus,
		message: string,
		field?: string | null,
		/** Anything more the JSON answer carries (end meeting's `problems`). */
		readonly details: Record<string, unknown> = {}
	) {
		super(message);
		this.name = 'CommandError';
		if (field) this.field = field;
	}
}

/** Bad input in one field: 400 (or 413 for a file too large) naming the field. */
export function badInput(
	field: string,
	message: string,
	status: CommandStatus = 400
): CommandError {
	return new CommandError(status, message, field);
}
