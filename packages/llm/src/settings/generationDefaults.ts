/** Sampling settings a caller may set per request; the names follow Ollama's `options`. */
export interface GenerationSettings {
	readonly temperature?: number | undefined;
	/** Most tokens to generate (`num_predict`). */
	readonly maxTokens?: number | undefined;
	readonly topP?: number | undefined;
	readonly topK?: number | undefined;
	readonly repeatPenalty?: number | undefined;
	readonly stop?: readonly string[] | undefined;
	readonly seed?: number | undefined;
	/** Context window (`num_ctx`). */
	readonly numCtx?: number | undefined;
}

/** The platform's generation defaults (from its LLM service spec). */
export const DefaultGenerationSettings = {
	temperature: 0.8,
	maxTokens: 500,
	topP: 0.9,
	topK: 40,
	repeatPenalty: 1.1,
	stop: ['Human:', 'Assistant:', '\n\n\n'],
} as const satisfies GenerationSettings;

/** Settings with every default filled in. */
export interface ResolvedGenerationSettings {
	readonly temperature: number;
	readonly maxTokens: number;
	readonly topP: number;
	readonly topK: number;
	readonly repeatPenalty: number;
	readonly stop: readonly string[];
	readonly seed?: number;
	readonly numCtx?: number;
}

/** Merges request settings over the defaults. */
export function resolveGenerationSettings(settings: GenerationSettings = {}): ResolvedGenerationSettings {
	return {
		temperature: settings.temperature ?? DefaultGenerationSettings.temperature,
		maxTokens: settings.maxTokens ?? DefaultGenerationSettings.maxTokens,
		topP: settings.topP ?? DefaultGenerationSettings.topP,
		topK: settings.topK ?? DefaultGenerationSettings.topK,
		repeatPenalty: settings.repeatPenalty ?? DefaultGenerationSettings.repeatPenalty,
		stop: settings.stop ?? DefaultGenerationSettings.stop,
		...(settings.seed === undefined ? {} : { seed: settings.seed }),
		...(settings.numCtx === undefined ? {} : { numCtx: settings.numCtx }),
	};
}
