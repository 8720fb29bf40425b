import type { Finding } from './Finding.js';
import { quoteExcerpt } from './quoteExcerpt.js';
import type { ScoreInput } from './ScoreInput.js';

const apostrophe = "['’]";
const cannot = String.raw`(?:can(?:not|${apostrophe}t)|won${apostrophe}t|am unable to|${apostrophe}m unable to|am not able to|${apostrophe}m not able to)`;

/** An assistant's refusal templates; a character saying "I can't" in its own voice does not match. */
const refusalPatterns: readonly RegExp[] = [
	new RegExp(
		String.raw`\bI(?:${apostrophe}m| am) sorry,? but I (?:can(?:not|${apostrophe}t)|won${apostrophe}t|am unable|${apostrophe}m unable|am not able|${apostrophe}m not able)\b`,
		'iu',
	),
	new RegExp(String.raw`\bI ${cannot} (?:assist|comply|fulfil+)\b`, 'iu'),
	new RegExp(String.raw`\b(?:can(?:not|${apostrophe}t)|unable to) (?:help|assist) (?:you )?with (?:that|this|your) request\b`, 'iu'),
	/\bI must (?:respectfully |politely )?decline\b/iu,
	/\b(?:against|violates?|goes against) (?:my|the|our) (?:guidelines|content polic(?:y|ies)|usage polic(?:y|ies)|programming|ethical guidelines)\b/iu,
	new RegExp(String.raw`\bI(?:${apostrophe}m| am) not (?:able|allowed|permitted) to (?:provide|generate|create|produce|engage in)\b`, 'iu'),
];

/** Assistant-style refusals ("I'm sorry, but I can't assist with that"). */
export function findRefusals(input: ScoreInput): Finding[] {
	for (const pattern of refusalPatterns) {
		const match = pattern.exec(input.reply);
		if (match !== null) return [{ kind: 'refusal', reason: `Reply is an assistant-style refusal (${quoteExcerpt(match[0])})`, penalty: 0.6, hard: false }];
	}
	return [];
}
