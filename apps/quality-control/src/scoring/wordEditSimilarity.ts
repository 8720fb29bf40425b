import { wordsOf } from './wordTrigramSimilarity.js';

/** Longest texts compared word by word; beyond it the trigram measure alone decides. */
const maxWords = 400;

/**
 * 1 − (word-level edit distance ÷ the longer text's words): a reply with a word or two swapped ("scared" for
 * "afraid") stays near 1 where trigram overlap falls apart. 0 for texts too long to compare or without words.
 */
export function wordEditSimilarity(a: string, b: string): number {
	const left = wordsOf(a);
	const right = wordsOf(b);
	const longest = Math.max(left.length, right.length);
	if (longest === 0 || longest > maxWords) return 0;
	let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
	for (let row = 1; row <= left.length; row += 1) {
		const current = [row];
		for (let column = 1; column <= right.length; column += 1) {
			const substitution = (previous[column - 1] as number) + (left[row - 1] === right[column - 1] ? 0 : 1);
			current.push(Math.min(substitution, (previous[column] as number) + 1, (current[column - 1] as number) + 1));
		}
		previous = current;
	}
	return 1 - (previous[right.length] as number) / longest;
}
