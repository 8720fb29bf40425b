/** Splits a text into word-sized pieces (each word with the whitespace before it) that join back to the text. */
export function splitReplyText(text: string): string[] {
	if (text === '') return [];
	return text.split(/(?<=\S)(?=\s)/);
}
