import type { GenerateResult } from '../generation/types.js';
import type { CachedResponse } from './ResponseCache.js';

/** The result fields a cached response restores. */
export function fromCache(cached: CachedResponse): Pick<GenerateResult, 'text' | 'model' | 'host' | 'promptTokens' | 'evalTokens' | 'doneReason'> {
	return {
		text: cached.text,
		model: cached.model,
		host: cached.host,
		promptTokens: cached.promptTokens,
		evalTokens: cached.evalTokens,
		doneReason: cached.doneReason,
	};
}
