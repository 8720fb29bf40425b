import type { GenerateResult } from '@charbot/llm';

/** The JSON of a `POST /generate` answer. */
export interface GenerateAnswer {
	readonly response: string;
	readonly model: string;
	readonly host: string;
	readonly generation_time_ms: number;
	readonly cache_hit: boolean;
	readonly metadata: {
		readonly prompt_tokens: number;
		readonly tokens_generated: number;
		readonly prompt_hash: string;
		readonly done_reason: string;
		readonly attempts: number;
		readonly coalesced: boolean;
	};
}

/** Renders a pool result in the service's snake_case shape. */
export function renderGenerateResult(result: GenerateResult): GenerateAnswer {
	return {
		response: result.text,
		model: result.model,
		host: result.host,
		generation_time_ms: result.generationTimeMs,
		cache_hit: result.cacheHit,
		metadata: {
			prompt_tokens: result.promptTokens,
			tokens_generated: result.evalTokens,
			prompt_hash: result.promptHash,
			done_reason: result.doneReason,
			attempts: result.attempts,
			coalesced: result.coalesced,
		},
	};
}
