/** Cuts `text` to at most `maxLength` UTF-16 units without splitting a surrogate pair (an emoji stays whole or goes). */
export function truncateText(text: string, maxLength: number): string {
	if (text.length <= maxLength) return text;
	const lastKept = text.charCodeAt(maxLength - 1);
	const endsInHighSurrogate = lastKept >= 0xd800 && lastKept <= 0xdbff;
	return text.slice(0, endsInHighSurrogate ? maxLength - 1 : maxLength);
}
