/** The search half of the pickers' combobox (Combobox.svelte): asking the API and reading its answer. */
import { api } from '$lib/api-client';

/** What a combobox's search answered: the items found, or why there are none to show. */
export type ComboboxAnswer<I> = { ok: true; items: I[] } | { ok: false; message: string };

/** Asks a search endpoint (through the one API client) and takes the items out of its answer. */
export async function searchApi<D, I>(
	path: `/api/${string}`,
	items: (data: D) => I[]
): Promise<ComboboxAnswer<I>> {
	const answer = await api<D>(path, { fallback: 'The search did not work. Try again.' });
	return answer.ok
		? { ok: true, items: items(answer.data) }
		: { ok: false, message: answer.message };
}
