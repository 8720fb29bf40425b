import type { GenerationSettings } from '@charbot/llm';
import { z } from 'zod';

/** Ollama `options`: the ones the pool forwards are validated; any other is accepted and ignored, as Ollama does with unknown ones. */
export const ollamaOptionsSchema = z.looseObject({
	temperature: z.number().min(0).optional(),
	num_predict: z.number().int().min(-2).optional(),
	top_p: z.number().min(0).max(1).optional(),
	top_k: z.number().int().min(0).optional(),
	repeat_penalty: z.number().min(0).optional(),
	stop: z.array(z.string()).optional(),
	seed: z.number().int().optional(),
	num_ctx: z.number().int().positive().optional(),
});

/** The Ollama options the pool forwards to the host. */
export const ForwardedOllamaOptions = ['temperature', 'num_predict', 'top_p', 'top_k', 'repeat_penalty', 'stop', 'seed', 'num_ctx'] as const;

/** Maps Ollama `options` to the pool's settings, and lists the options it had to leave out. */
export function toGenerationSettings(options: z.output<typeof ollamaOptionsSchema> | undefined): { settings: GenerationSettings; ignored: string[] } {
	if (options === undefined) return { settings: {}, ignored: [] };
	const forwarded: readonly string[] = ForwardedOllamaOptions;
	return {
		settings: {
			temperature: options.temperature,
			maxTokens: options.num_predict,
			topP: options.top_p,
			topK: options.top_k,
			repeatPenalty: options.repeat_penalty,
			stop: options.stop,
			seed: options.seed,
			numCtx: options.num_ctx,
		},
		ignored: Object.keys(options).filter((key) => !forwarded.includes(key)),
	};
}
