import { describe, expect, it } from 'vitest';
import { resolveGenerationSettings } from '../../settings/generationDefaults.js';
import { toOpenAiBody } from './toOpenAiBody.js';

const png = 'iVBORw0KGgoAAAANSUhEUg==';

describe('toOpenAiBody', () => {
	const body = (dialect: 'openai' | 'vllm' | 'llama.cpp', format?: 'json' | Record<string, unknown>) =>
		toOpenAiBody({
			model: 'meta-llama/Llama-3.2-1B-Instruct',
			messages: [
				{ role: 'system', content: 'be Peter' },
				{ role: 'user', content: 'look', images: [png] },
			],
			settings: resolveGenerationSettings({ seed: 7, stop: ['a', 'b', 'c', 'd', 'e'] }),
			format,
			dialect,
		});

	it('maps the settings, streams with usage, and sends pictures as data URLs', () => {
		const standard = body('openai');
		expect(standard).toMatchObject({
			model: 'meta-llama/Llama-3.2-1B-Instruct',
			stream: true,
			stream_options: { include_usage: true },
			temperature: 0.8,
			top_p: 0.9,
			max_tokens: 500,
			seed: 7,
			stop: ['a', 'b', 'c', 'd'],
		});
		expect(standard).not.toHaveProperty('top_k');
		expect(standard).not.toHaveProperty('response_format');
		expect((standard.messages as unknown[])[1]).toEqual({
			role: 'user',
			content: [
				{ type: 'text', text: 'look' },
				{ type: 'image_url', image_url: { url: `data:image/png;base64,${png}` } },
			],
		});
	});

	it('adds the repeat penalty under the name each server takes, and structured output as response_format', () => {
		expect(body('vllm')).toMatchObject({ top_k: 40, repetition_penalty: 1.1 });
		expect(body('llama.cpp')).toMatchObject({ top_k: 40, repeat_penalty: 1.1 });
		expect(body('openai', 'json').response_format).toEqual({ type: 'json_object' });
		const schema = { type: 'object', properties: { score: { type: 'number' } } };
		expect(body('openai', schema).response_format).toEqual({ type: 'json_schema', json_schema: { name: 'answer', schema } });
	});
});
