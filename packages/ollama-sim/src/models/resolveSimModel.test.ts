import { describe, expect, it } from 'vitest';
import { normalizeModelName } from './normalizeModelName.js';
import { resolveSimModel } from './resolveSimModel.js';

const defaults = { tokensPerSecond: 65, promptTokensPerSecond: 2900, loadMs: 1500 };

describe('resolveSimModel', () => {
	it('reads family, size and quantization from the name', () => {
		const model = resolveSimModel('llama3:8b-instruct-q5_K_M', defaults);
		expect(model).toMatchObject({ name: 'llama3:8b-instruct-q5_K_M', family: 'llama', parameterSize: '8.0B', quantization: 'Q5_K_M', tokensPerSecond: 65 });
		expect(model.sizeBytes).toBeGreaterThan(5e9);
		expect(model.digest).toMatch(/^[0-9a-f]{64}$/);
		expect(resolveSimModel('nomic-embed-text', defaults).capabilities).toEqual(['embedding']);
		expect(resolveSimModel('llava:7b', defaults).capabilities).toEqual(['completion', 'vision']);
		expect(resolveSimModel({ name: 'my-seer:3b', vision: true }, defaults).capabilities).toEqual(['completion', 'vision']);
		expect(resolveSimModel({ name: 'llava:7b', vision: false }, defaults).capabilities).toEqual(['completion']);
	});

	it('lets explicit options win', () => {
		expect(resolveSimModel({ name: 'x:1b', tokensPerSecond: 10, family: 'qwen2', sizeBytes: 5 }, defaults)).toMatchObject({
			tokensPerSecond: 10,
			family: 'qwen2',
			sizeBytes: 5,
		});
		expect(() => resolveSimModel({ name: 'x:1b', tokensPerSecond: 0 }, defaults)).toThrow(/tokensPerSecond must be greater than 0/);
		expect(() => resolveSimModel('bad name!', defaults)).toThrow(/not a valid Ollama model name/);
	});

	it('adds the implicit latest tag', () => {
		expect(normalizeModelName('llama3.2')).toBe('llama3.2:latest');
		expect(normalizeModelName('library/llama3.2:1b')).toBe('library/llama3.2:1b');
		expect(normalizeModelName('host:5000/llama3')).toBe('host:5000/llama3:latest');
	});
});
