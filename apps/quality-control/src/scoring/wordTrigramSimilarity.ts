/** The lowercase words of a text (letters, digits and inner apostrophes). */
export function wordsOf(text: string): string[] {
	return text.toLocaleLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? [];
}

/** The set of consecutive word triples of a text. */
export function wordTrigrams(text: string): Set<string> {
	const words = wordsOf(text);
	const trigrams = new Set<string>();
	for (let index = 0; index + 2 < words.length; index += 1) trigrams.add(`${words[index]} ${words[index + 1]} ${words[index + 2]}`);
	return trigrams;
}

/**
 * Jaccard similarity (0..1) of two texts' word trigrams. Texts under three words have none, so they compare
 * by their words instead: 1 when equal, else 0.
 */
export function wordTrigramSimilarity(a: string, b: string): number {
	const left = wordTrigrams(a);
	const right = wordTrigrams(b);
	if (left.size === 0 || right.size === 0) return wordsOf(a).join(' ') === wordsOf(b).join(' ') && wordsOf(a).length > 0 ? 1 : 0;
	let shared = 0;
	for (const trigram of left) if (right.has(trigram)) shared += 1;
	return shared / (left.size + right.size - shared);
}
