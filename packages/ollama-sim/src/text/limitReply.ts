import { splitTokens } from './splitTokens.js';

/** A reply cut to the request's limits, split into the tokens to stream. */
export interface LimitedReply {
	readonly text: string;
	readonly tokens: readonly string[];
	/** `stop` when the reply ended or hit a stop sequence, `length` when `num_predict` cut it. */
	readonly doneReason: 'stop' | 'length';
}

/**
 * Applies `stop` sequences (the reply ends before the first one, which is not included, as in Ollama)
 * and a token limit (`num_predict`), whichever comes first.
 */
export function limitReply(text: string, limits: { readonly stop?: readonly string[]; readonly maxTokens: number }): LimitedReply {
	let cut = text;
	for (const stop of limits.stop ?? []) {
		if (stop === '') continue;
		const at = cut.indexOf(stop);
		if (at !== -1) cut = cut.slice(0, at);
	}
	const tokens = splitTokens(cut);
	if (tokens.length > limits.maxTokens) {
		const kept = tokens.slice(0, Math.max(0, limits.maxTokens));
		return { text: kept.join(''), tokens: kept, doneReason: 'length' };
	}
	return { text: cut, tokens, doneReason: 'stop' };
}
