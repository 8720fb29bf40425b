import { doubtFinding } from './doubtFinding.js';
import type { Finding } from './Finding.js';
import { quoteExcerpt } from './quoteExcerpt.js';
import type { ScoreInput } from './ScoreInput.js';
import { fastWordBoundaries } from './text/fastWordBoundaries.js';

const apostrophe = "['’]";

/** Talk about the fiction itself: the character, the roleplay, the persona, the prompt. */
const breakPatterns: readonly RegExp[] = [
	// "The character" of a model talking about its part, not a novelist's "the character development".
	/\b(?:stay(?:ing)? true to|portray(?:ing)?|play(?:ing)?|embody(?:ing)?|voic(?:e|ing)|as|of|in|into) the character\b(?!\s+(?:development|arc|arcs|list|limit|count|sheet|creation|design))|\bthe character(?:'s)? (?:voice|personality|tone|traits|perspective|point of view|mannerisms)\b/iu,
	/\brole[- ]?play(?:ing|ed|s)?\b/iu,
	/\bmy (?:persona|character)\b/iu,
	/\b(?:out of|stay(?:ing)? in|break(?:ing)?|staying out of) character\b/iu,
	/\bOOC\b/u,
	/\bsystem (?:prompt|message|instructions?)\b/iu,
	/\bmy (?:programming|prompt)\b/iu,
	new RegExp(String.raw`\bI(?:${apostrophe}m| am) (?:just )?(?:playing|portraying|pretending to be|acting as)\b`, 'iu'),
].map(fastWordBoundaries);

/**
 * A reply that talks about "the character", "roleplay", "my persona" or the system prompt may have stepped out of the
 * fiction: a doubt, since the failures it signals are failed by their own scorers and a character may toy with the words.
 */
export function findBrokenCharacter(input: ScoreInput): Finding[] {
	const matches = breakPatterns.flatMap((pattern) => {
		const match = pattern.exec(input.reply);
		return match === null ? [] : [quoteExcerpt(match[0])];
	});
	if (matches.length === 0) return [];
	// Alone these words are a doubt: "Break character? My character is unbreakable" is a character being one.
	return [doubtFinding('broken-character', `Reply may break character (mentions ${[...new Set(matches)].slice(0, 3).join(', ')})`)];
}
