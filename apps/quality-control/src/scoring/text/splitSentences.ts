/** The sentences of a text: cut after `.`, `!`, `?` or `…` followed by a space, and at every line break. */
export function splitSentences(text: string): string[] {
	return text
		.split(/\n+|(?<=[.!?…])["')\]*]*\s+/u)
		.map((sentence) => sentence.trim())
		.filter((sentence) => sentence !== '');
}
