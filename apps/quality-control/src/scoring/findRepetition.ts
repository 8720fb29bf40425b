import type { Finding } from './Finding.js';
import type { ScoreInput } from './ScoreInput.js';
import { wordTrigramSimilarity } from './wordTrigramSimilarity.js';

/** A reply (nearly) the same as one of the character's latest replies: word-trigram Jaccard ≥ the threshold. */
export function findRepetition(input: ScoreInput): Finding[] {
	const recent = input.recentReplies.slice(-input.options.repetitionWindow);
	let highest = 0;
	for (const earlier of recent) highest = Math.max(highest, wordTrigramSimilarity(input.reply, earlier));
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
