import { describe, expect, it } from 'vitest';
import { countTokens } from './countTokens.js';
import { generateReply } from './generateReply.js';

describe('generateReply', () => {
	it('is deterministic for a seed and differs between seeds', () => {
		expect(generateReply({ seed: 42, tokens: 40 })).toBe(generateReply({ seed: 42, tokens: 40 }));
		expect(generateReply({ seed: 42, tokens: 40 })).not.toBe(generateReply({ seed: 43, tokens: 40 }));
	});

	it('writes whole sentences that end in punctuation and never exceed the length', () => {
		for (let seed = 0; seed < 200; seed += 1) {
			const tokens = 2 + (seed % 60);
			const text = generateReply({ seed, tokens });
			expect(countTokens(text)).toBeLessThanOrEqual(tokens);
			expect(countTokens(text)).toBeGreaterThanOrEqual(tokens - 1);
			expect(text).toMatch(/[.?!]$/);
			expect(text.charAt(0)).toMatch(/[A-Z]/);
		}
	});

	it('splits into several sentences on . ? and !', () => {
		const sentences = generateReply({ seed: 7, tokens: 120 }).split(/(?<=[.?!])\s+/);
		expect(sentences.length).toBeGreaterThan(5);
		for (const sentence of sentences) expect(sentence).toMatch(/^[A-Z].*[.?!]$/);
	});

	it('can produce a reply of 5,000 characters and more', () => {
		const text = generateReply({ seed: 1, tokens: 1400 });
		expect(text.length).toBeGreaterThan(5000);
		expect(countTokens(text)).toBeLessThanOrEqual(1400);
	});

	it('handles the tiny lengths', () => {
		expect(generateReply({ seed: 1, tokens: 0 })).toBe('');
		expect(countTokens(generateReply({ seed: 1, tokens: 1 }))).toBe(1);
		expect(generateReply({ seed: 1, tokens: 2 })).toMatch(/^\w+[.?!]$/);
	});

	it('narrows the vocabulary at low variety (low temperature)', () => {
		const distinct = (variety: number) =>
			new Set(
				generateReply({ seed: 3, tokens: 600, variety })
					.toLowerCase()
					.match(/[a-z]+/g),
			).size;
		expect(distinct(0.15)).toBeLessThan(distinct(1));
	});
});
