import { describe, expect, it } from 'vitest';
import { ollamaChatSchema } from './ollamaRequestSchemas.js';
import { ollamaOptionsSchema, toGenerationSettings } from './ollamaOptionsSchema.js';

describe('toGenerationSettings', () => {
	it("maps Ollama's options to the pool's settings and lists the ones left out", () => {
		const options = ollamaOptionsSchema.parse({
			temperature: 0,
			num_predict: 64,
			top_p: 0.5,
			top_k: 10,
			repeat_penalty: 1.3,
			stop: ['\n'],
			seed: 3,
			num_ctx: 2048,
			mirostat: 2,
		});
		expect(toGenerationSettings(options)).toEqual({
			settings: { temperature: 0, maxTokens: 64, topP: 0.5, topK: 10, repeatPenalty: 1.3, stop: ['\n'], seed: 3, numCtx: 2048 },
			ignored: ['mirostat'],
		});
		expect(toGenerationSettings(undefined)).toEqual({ settings: {}, ignored: [] });
	});
});

describe('ollamaChatSchema', () => {
	it('streams by default and refuses what the pool cannot honour instead of dropping it', () => {
		expect(ollamaChatSchema.parse({ model: 'm', messages: [] }).stream).toBe(true);
		const result = ollamaChatSchema.safeParse({ model: 'm', messages: [{ role: 'tool', content: '{}' }], tools: [{ type: 'function' }], think: true });
		expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['messages.0.role', 'think', 'tools']);
	});
});
