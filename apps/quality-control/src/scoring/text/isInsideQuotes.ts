/** Whether a place in a normalized text lies inside double quotes: an odd number of `"` before it on its line or paragraph. */
export function isInsideQuotes(text: string, index: number): boolean {
	// The paragraph starts at the second newline of the last blank line wholly before the place (counted in place, since
	// scorers ask this of every sentence of a reply).
	const blankLine = index < 2 ? -1 : text.lastIndexOf('\n\n', index - 2);
	let quotes = 0;
	for (let at = text.indexOf('"', blankLine + 1); at !== -1 && at < index; at = text.indexOf('"', at + 1)) quotes += 1;
	return quotes % 2 === 1;
}
