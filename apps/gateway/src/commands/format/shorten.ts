/** `text` cut to at most `max` characters (code points), ending with "…" when it was cut. */
export function shorten(text: string, max: number): string {
	const points = Array.from(text.trim());
	return points.length <= max ? points.join('') : `${points.slice(0, Math.max(0, max - 1)).join('')}…`;
}
