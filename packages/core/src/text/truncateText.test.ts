import { describe, expect, it } from 'vitest';
import { codePointLength, truncateText } from './truncateText.js';

describe('truncateText', () => {
	it('returns text that fits as it is', () => {
		expect(truncateText('hello', 5)).toBe('hello');
		expect(truncateText('😀😀', 2)).toBe('😀😀');
		expect(truncateText('', 0)).toBe('');
	});

	it('counts code points, so an astral emoji is one character and is never split in two', () => {
		expect(truncateText('ab😀', 3, '')).toBe('ab😀');
		expect(truncateText('ab😀c', 3, '')).toBe('ab😀');
		expect(truncateText('😀😀😀', 2, '')).toBe('😀😀');
		expect(truncateText('𝒜𝒝𝒞𝒟', 3, '')).toBe('𝒜𝒝𝒞');
		for (let max = 0; max <= 6; max += 1) expect(truncateText('a😀b𝒜c🎉', max, '')).not.toMatch(/[\ud800-\udbff]$/u);
	});

	it('ends a cut text with the ellipsis, within the limit', () => {
		expect(truncateText('hello world', 6)).toBe('hello…');
		expect(truncateText('😀😀😀😀', 3)).toBe('😀😀…');
		expect(codePointLength(truncateText('🎉'.repeat(3000), 2000))).toBe(2000);
		expect(truncateText('hello', 4, '...')).toBe('h...');
	});

	it('cuts silently when even the ellipsis does not fit', () => {
		expect(truncateText('hello', 0)).toBe('');
		expect(truncateText('hello', 2, '...')).toBe('he');
		expect(truncateText('hello', 1)).toBe('…');
	});

	it('refuses a limit that is not a whole number of at least 0', () => {
		expect(() => truncateText('x', -1)).toThrow('maxLength must be a whole number of at least 0, got -1');
		expect(() => truncateText('x', 1.5)).toThrow('maxLength must be a whole number of at least 0, got 1.5');
	});
});

describe('codePointLength', () => {
	it('counts an astral character once, unlike .length', () => {
		expect(codePointLength('a😀𝒜')).toBe(3);
		expect('a😀𝒜'.length).toBe(5);
	});
});
