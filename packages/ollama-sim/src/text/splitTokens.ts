// A token is a run of up to 6 letters/digits/apostrophes or one other character, with the whitespace
// before it; whitespace at the very end is a token of its own. Every character lands in exactly one
// token, so joining the tokens gives the text back. English averages ~1.3 tokens per word, like BPE.
const tokenPattern = /\s+$|\s*(?:[\p{L}\p{N}'’]{1,6}|[^\s\p{L}\p{N}'’])/gu;

/** Splits text into the simulator's tokens (the pieces streamed one per chunk); lossless. */
export function splitTokens(text: string): string[] {
	return text.match(tokenPattern) ?? [];
}
