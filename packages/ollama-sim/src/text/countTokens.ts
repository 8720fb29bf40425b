import { splitTokens } from './splitTokens.js';

/** How many simulator tokens a text has; the one rule used for prompts, replies and embeddings. */
export function countTokens(text: string): number {
	return splitTokens(text).length;
}
