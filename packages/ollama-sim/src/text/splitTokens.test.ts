import { describe, expect, it } from 'vitest';
import { countTokens } from './countTokens.js';
import { splitTokens } from './splitTokens.js';

describe('splitTokens', () => {
	it('is lossless: the tokens join back into the text', () => {
		for (const text of ['Hello, world!', '  leading and trailing  ', 'a\n\n\nb', 'Émile’s naïve café — ok?', '{"score":7,"reason":"fine"}', '😀 emoji', '']) {
			expect(splitTokens(text).join('')).toBe(text);
		}
	});

	it('splits words of up to six letters as one token, longer words in pieces, punctuation alone', () => {
		expect(splitTokens('The cat sat.')).toEqual(['The', ' cat', ' sat', '.']);
		expect(splitTokens(' wonderful')).toEqual([' wonder', 'ful']);
		expect(splitTokens('Hi, you')).toEqual(['Hi', ',', ' you']);
	});

	it('counts about 1.3 tokens per English word, like a BPE tokenizer', () => {
		const text = 'Members chat with characters in their channels, and the characters answer in their own voice quickly.';
		const words = text.split(' ').length;
		expect(countTokens(text) / words).toBeGreaterThan(1);
		expect(countTokens(text) / words).toBeLessThan(1.6);
		expect(countTokens('')).toBe(0);
	});
});
