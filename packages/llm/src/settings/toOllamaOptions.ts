import type { ResolvedGenerationSettings } from './generationDefaults.js';

/** Ollama's `options` for resolved settings. */
export function toOllamaOptions(settings: ResolvedGenerationSettings): Record<string, unknown> {
	return {
		temperature: settings.temperature,
		num_predict: settings.maxTokens,
		top_p: settings.topP,
		top_k: settings.topK,
		repeat_penalty: settings.repeatPenalty,
		stop: [...settings.stop],
		...(settings.seed === undefined ? {} : { seed: settings.seed }),
		...(settings.numCtx === undefined ? {} : { num_ctx: settings.numCtx }),
	};
}
