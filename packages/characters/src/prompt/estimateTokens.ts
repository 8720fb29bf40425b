/** Tokens added for each chat message by the model's template (role markers), as a flat guess. */
export const messageOverheadTokens = 4;

/** Tokens one picture takes in a vision model's context, as a flat guess (encoders give about 256 to 1,600). */
export const imageTokens = 768;

/**
 * A deliberately simple token estimate: one token per four characters, rounded up. Real tokenizers give
 * 3-5 characters per token for English, so budgets built on it keep some slack.
 */
export function estimateTokens(text: string): number {
	return Math.ceil(text.length / 4);
}
