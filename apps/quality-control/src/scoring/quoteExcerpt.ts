/** Quotes a piece of a reply for a reason sentence, shortened to `max` characters. */
export function quoteExcerpt(text: string, max = 60): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	const chars = Array.from(flat);
	return `"${chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : flat}"`;
}
