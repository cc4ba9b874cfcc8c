import type { DueMeeting } from '$lib/domain/child-clocks';

/** What a family page's form actions answer (each names its form in `which`). */
export interface FamilyFormResult {
	which?: string;
	errors?: Record<string, string>;
	values?: Record<string, string>;
	message?: string;
	childId?: string;
	due?: DueMeeting[];
}
