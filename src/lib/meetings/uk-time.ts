/** The instant of a wall-clock time on a calendar day in the UK (GMT or BST), whatever the server's zone. */
export function ukInstant(ymd: string, hours: number, minutes = 0): Date {
	const [y, m, d] = ymd.split('-').map(Number);
	const guess = new Date(Date.UTC(y, m - 1, d, hours, minutes));
	const offset = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' })
		.formatToParts(guess)
		.find((p) => p.type === 'timeZoneName')?.value;
	const hoursAhead = Number(offset?.replace('GMT', '') || 0);
	return new Date(guess.getTime() - hoursAhead * 3_600_000);
}

/** The UK calendar day of an instant, as YYYY-MM-DD. */
export function ukDay(instant: Date): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}
