import { truncateText } from '@charbot/core';

/** Quotes a piece of a reply for a reason sentence, shortened to `max` characters. */
export function quoteExcerpt(text: string, max = 60): string {
	return `"${truncateText(text.replace(/\s+/g, ' ').trim(), max)}"`;
}
