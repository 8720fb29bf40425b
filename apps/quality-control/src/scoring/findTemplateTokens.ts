import { fastWordBoundaries } from './text/fastWordBoundaries.js';
import { findTemplateToken } from '@charbot/characters';
import type { Finding } from './Finding.js';
import { quoteExcerpt } from './quoteExcerpt.js';
import type { ScoreInput } from './ScoreInput.js';
import { normalizeReply } from './text/normalizeReply.js';

/**
 * What a leak looks like in a reply beyond the tokens of `templateTokenFamilies` (the table the prompt neutralizer
 * uses too): the names of those tokens once their brackets are lost, and a role word alone on the first line.
 */
const replyOnlyPatterns: readonly RegExp[] = [
	/\b(?:im_start|im_end|eot_id|start_header_id|end_header_id|begin_of_text|end_of_text|end_of_turn|start_of_turn|endoftext)\b/iu,
	/^[ \t]*(?:assistant|model)[ \t]*\n/iu,
].map(fastWordBoundaries);

/** Where the first template token starts in the normalized reply (see `normalizeReply`), or undefined. */
export function firstTemplateToken(normalized: string): { index: number; text: string } | undefined {
	const found = findTemplateToken(normalized, replyOnlyPatterns);
	return found === undefined ? undefined : { index: found.index, text: found.text };
}

/** Raw chat-template or role tokens (`<|im_end|>`, `[/INST]`, `<end_of_turn>`, `### Response:`): a hard fail. */
export function findTemplateTokens(input: ScoreInput): Finding[] {
	const token = firstTemplateToken(normalizeReply(input.reply));
	if (token === undefined) return [];
	return [{ kind: 'template-tokens', reason: `Reply contains a chat-template token (${quoteExcerpt(token.text, 30)})`, penalty: 1, hard: true }];
}
