/** Whether a place in a normalized text lies inside double quotes: an odd number of `"` before it on its line or paragraph. */
export function isInsideQuotes(text: string, index: number): boolean {
	const before = text.slice(0, index);
	const paragraph = before.slice(before.lastIndexOf('\n\n') + 1);
	return (paragraph.match(/"/gu)?.length ?? 0) % 2 === 1;
}
