/** A moment in a circulation's story, as the unit reads it: "7 Dec, 10:15" (London time). */
export const circulationTime = (iso: string): string =>
	new Intl.DateTimeFormat('en-GB', {
		day: 'numeric',
		month: 'short',
		hour: '2-digit',
		minute: '2-digit',
		timeZone: 'Europe/London'
	}).format(new Date(iso));
