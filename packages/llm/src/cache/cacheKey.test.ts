import { describe, expect, it } from 'vitest';
import { buildCacheKey } from './cacheKey.js';
import { canonicalJson } from './canonicalJson.js';

const base = {
	model: 'llama3.2:1b',
	modelDigest: 'sha256:aaa',
	messages: [{ role: 'user', content: 'hi' }],
	format: undefined,
	character: 'peter',
	settings: { temperature: 0.8, top_p: 0.9 },
};

describe('buildCacheKey', () => {
	it('has the spec shape llm_response:{prompt_hash}:{character}:{settings_hash}', () => {
		const { key, promptHash, settingsHash } = buildCacheKey(base);
		expect(promptHash).toMatch(/^[0-9a-f]{64}$/);
		expect(key).toBe(`llm_response:${promptHash}:peter:${settingsHash}`);
	});

	it('is stable under key order and changes with prompt, settings, character and model digest', () => {
		const key = buildCacheKey(base).key;
		expect(buildCacheKey({ ...base, settings: { top_p: 0.9, temperature: 0.8 } }).key).toBe(key);
		expect(buildCacheKey({ ...base, messages: [{ role: 'user', content: 'hi!' }] }).key).not.toBe(key);
		expect(buildCacheKey({ ...base, settings: { temperature: 0.7, top_p: 0.9 } }).key).not.toBe(key);
		expect(buildCacheKey({ ...base, character: 'stewie' }).key).not.toBe(key);
		expect(buildCacheKey({ ...base, modelDigest: 'sha256:bbb' }).key).not.toBe(key);
	});

	it('tells pictures apart by their content, not by the words around them', () => {
		const withImage = (images: string[]) => buildCacheKey({ ...base, messages: [{ role: 'user', content: 'hi', images }] }).key;
		expect(withImage(['aGVsbG8='])).not.toBe(buildCacheKey(base).key);
		expect(withImage(['aGVsbG8='])).not.toBe(withImage(['d29ybGQ=']));
		expect(withImage(['aGVsbG8='])).toBe(withImage(['aGVsbG8=']));
		expect(withImage(['aGVsbG8=', 'd29ybGQ='])).not.toBe(withImage(['d29ybGQ=', 'aGVsbG8=']));
	});

	it('tells apart prompts that only a text boundary or a lone surrogate separates', () => {
		const key = (messages: { role: string; content: string }[]) => buildCacheKey({ ...base, messages }).key;
		expect(key([{ role: 'user', content: 'ab' }])).not.toBe(
			key([
				{ role: 'user', content: 'a' },
				{ role: 'user', content: 'b' },
			]),
		);
		expect(key([{ role: 'user', content: 'a\n{"role":"user"}\n1\ntext b' }])).not.toBe(
			key([
				{ role: 'user', content: 'a' },
				{ role: 'user', content: 'b' },
			]),
		);
		expect(key([{ role: 'user', content: '' }])).not.toBe(key([]));
		expect(key([{ role: 'user', content: 'x' }])).not.toBe(key([{ role: 'assistant', content: 'x' }]));
		expect(key([{ role: 'user', content: '\uD800' }])).not.toBe(key([{ role: 'user', content: '\uFFFD' }]));
		expect(key([{ role: 'user', content: 'x' }])).toBe(key([{ content: 'x', role: 'user' }]));
	});

	it('keeps hostile character names out of the key structure', () => {
		expect(buildCacheKey({ ...base, character: 'a:b*c' }).key.split(':')).toHaveLength(4);
	});
});

describe('canonicalJson', () => {
	it('sorts keys at every depth and drops undefined', () => {
		expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[2,{"y":2,"z":1}]},"b":1}');
		expect(canonicalJson({ '9': 'nine', '10': 'ten', a: [undefined, 'x\n"'] })).toBe('{"10":"ten","9":"nine","a":[null,"x\\n\\""]}');
	});
});
