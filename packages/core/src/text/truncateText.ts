/** How many Unicode code points `text` holds: the way Discord counts characters (an emoji such as 😀 is one). */
export function codePointLength(text: string): number {
	let count = 0;
	for (const _ of text) count += 1;
	return count;
}

/**
 * `text` cut to at most `maxLength` code points, never splitting a surrogate pair; a cut text ends with `ellipsis`
 * (default "…", counted within `maxLength`; pass '' to cut silently). Text that fits is returned as it is.
 */
export function truncateText(text: string, maxLength: number, ellipsis = '…'): string {
	if (!Number.isInteger(maxLength) || maxLength < 0) throw new RangeError(`maxLength must be a whole number of at least 0, got ${maxLength}`);
	const points = Array.from(text);
	if (points.length <= maxLength) return text;
	const marker = Array.from(ellipsis);
	if (marker.length > maxLength) return points.slice(0, maxLength).join('');
	return points.slice(0, maxLength - marker.length).join('') + ellipsis;
}
