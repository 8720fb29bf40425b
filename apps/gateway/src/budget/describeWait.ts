/** A wait in words for a member, rounded up: "about a minute", "about 7 minutes", "about 2 hours". */
export function describeWait(ms: number): string {
	const minutes = Math.max(1, Math.ceil(ms / 60_000));
	if (minutes === 1) return 'about a minute';
	if (minutes < 90) return `about ${minutes} minutes`;
	return `about ${Math.round(minutes / 60)} hours`;
}
