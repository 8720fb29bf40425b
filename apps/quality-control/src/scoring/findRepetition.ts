import type { Finding } from './Finding.js';
import type { ScoreInput } from './ScoreInput.js';
import { wordEditSimilarity } from './wordEditSimilarity.js';
import { wordsOf, wordTrigramSimilarity } from './wordTrigramSimilarity.js';

/**
 * A reply (nearly) the same as one of the character's latest replies: word-trigram Jaccard ≥ the threshold, or, for
 * replies of six words or more, a word-level edit similarity ≥ the threshold + 0.05 (a word or two swapped).
 */
export function findRepetition(input: ScoreInput): Finding[] {
	const recent = input.recentReplies.slice(-input.options.repetitionWindow);
	let highest = 0;
	const longEnough = wordsOf(input.reply).length >= 6;
	for (const earlier of recent) {
		highest = Math.max(highest, wordTrigramSimilarity(input.reply, earlier));
		const edited = longEnough ? wordEditSimilarity(input.reply, earlier) : 0;
		if (edited >= input.options.repetitionThreshold + 0.05) highest = Math.max(highest, edited);
	}
	if (highest < input.options.repetitionThreshold) return [];
	return [
		{
			kind: 'repetition',
			reason: `Reply repeats one of the character's recent replies (${Math.round(highest * 100)}% the same); say something new`,
			penalty: 0.6,
			hard: false,
		},
	];
}
