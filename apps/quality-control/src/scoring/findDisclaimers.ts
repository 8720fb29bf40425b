import type { Finding } from './Finding.js';
import { quoteExcerpt } from './quoteExcerpt.js';
import type { ScoreInput } from './ScoreInput.js';

const apostrophe = "['’]";
const machine = String.raw`(?:ai|a\.i\.|artificial intelligence|(?:large )?language model|llm|assistant|ai assistant|virtual assistant|digital assistant|chatbot|chat bot)`;

/** Phrases by which a model steps out of the persona to talk about being a model. */
const disclaimerPatterns: readonly RegExp[] = [
	new RegExp(String.raw`\bas an? ${machine}\b(?:\s+(?:language\s+)?model\b)?`, 'iu'),
	new RegExp(String.raw`\bI(?:${apostrophe}m| am) (?:just |only |merely |simply )?(?:an? |your )?${machine}\b`, 'iu'),
	/\b(?:large )?language models?\b/iu,
	/\bAI (?:assistant|model|chatbot)\b/iu,
	new RegExp(
		String.raw`\bI (?:don${apostrophe}t|do not) have (?:personal )?(?:opinions|feelings|emotions|beliefs|a physical body|a body|personal experiences)\b`,
		'iu',
	),
	/\bmy (?:training data|knowledge cut-?off)\b/iu,
];

/** "As an AI language model", "I'm an assistant" and kin: a hard fail, the worst break of character. */
export function findDisclaimers(input: ScoreInput): Finding[] {
	const spans: { start: number; end: number; text: string }[] = [];
	for (const pattern of disclaimerPatterns) {
		const match = pattern.exec(input.reply);
		if (match === null) continue;
		const span = { start: match.index, end: match.index + match[0].length, text: match[0] };
		// "As an AI language model" also matches "language model": quote each stretch of the reply once.
		if (!spans.some((kept) => span.start < kept.end && kept.start < span.end)) spans.push(span);
	}
	if (spans.length === 0) return [];
	const quoted = spans
		.slice(0, 2)
		.map((span) => quoteExcerpt(span.text))
		.join(', ');
	return [{ kind: 'disclaimer', reason: `Reply contains an AI disclaimer (${quoted})`, penalty: 1, hard: true }];
}
