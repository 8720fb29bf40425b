/** Lowercase words (letters, digits, inner apostrophes), as quality control's repetition check reads them. */
export function wordsIn(text: string): string[] {
	return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? [];
}

/** Jaccard similarity (0..1) of two texts' word triples; texts under three words count as equal or not. */
export function wordTrigramOverlap(a: string, b: string): number {
	const left = trigrams(a);
	const right = trigrams(b);
	if (left.size === 0 || right.size === 0) return wordsIn(a).join(' ') === wordsIn(b).join(' ') ? 1 : 0;
	let shared = 0;
	for (const trigram of left) if (right.has(trigram)) shared += 1;
	return shared / (left.size + right.size - shared);
}

/** The share (0..1) of `candidate`'s word triples found in `line`: how much of it was borrowed, whatever their lengths. */
export function borrowedShare(candidate: string, line: string): number {
	const own = trigrams(candidate);
	if (own.size === 0) return 0;
	const other = trigrams(line);
	let shared = 0;
	for (const trigram of own) if (other.has(trigram)) shared += 1;
	return shared / own.size;
}

function trigrams(text: string): Set<string> {
	const words = wordsIn(text);
	const found = new Set<string>();
	for (let index = 0; index + 2 < words.length; index += 1) found.add(`${words[index]} ${words[index + 1]} ${words[index + 2]}`);
	return found;
}
