import { describe, expect, it } from 'vitest';
import { DiscordLimits } from '@charbot/core';
import { splitMessage } from './splitMessage.js';

const squash = (text: string) => text.replace(/\s+/g, '');

function sentences(count: number): string {
	return Array.from({ length: count }, (_, index) => `Sentence number ${index} is about the boat Peter is building in the kitchen!`).join(' ');
}

describe('splitMessage', () => {
	it('keeps a short reply whole, trimmed', () => {
		expect(splitMessage('  Heh heh heh.  ')).toEqual(['Heh heh heh.']);
		expect(splitMessage('')).toEqual([]);
	});

	it('splits on sentence boundaries under the limit without losing text', () => {
		const text = sentences(60);
		const parts = splitMessage(text);
		expect(parts.length).toBeGreaterThan(1);
		for (const part of parts) {
			expect(part.length).toBeLessThanOrEqual(DiscordLimits.messageContent);
			expect(part).toMatch(/!$/);
			expect(part).toMatch(/^Sentence/);
		}
		expect(parts.join(' ')).toBe(text);
	});

	it('prefers a paragraph break, then a line break', () => {
		const first = 'a'.repeat(1200);
		const text = `${first}.\n\n${'b '.repeat(300)}tail. ${'c'.repeat(500)}`;
		expect(splitMessage(text)[0]).toBe(`${first}.`);
		const lines = `${'word '.repeat(250)}\n${'next '.repeat(200)}`;
		expect(splitMessage(lines)[0]).toBe('word '.repeat(250).trim());
	});

	it('splits a 5,000-character reply with no punctuation at spaces, never inside a word', () => {
		const words = Array.from({ length: 700 }, (_, index) => `w${index}x`);
		const text = words.join(' ').padEnd(5000, ' z').slice(0, 5000);
		const parts = splitMessage(text);
		expect(text.length).toBe(5000);
		expect(parts.length).toBeGreaterThanOrEqual(3);
		for (const part of parts) expect(part.length).toBeLessThanOrEqual(DiscordLimits.messageContent);
		expect(squash(parts.join(''))).toBe(squash(text));
		expect(parts.join(' ').split(' ')).toEqual(text.split(' ').filter(Boolean));
	});

	it('cuts a 5,000-character word at the limit, keeping surrogate pairs whole', () => {
		const text = 'x'.repeat(1999) + '😀'.repeat(1500);
		const parts = splitMessage(text);
		expect(parts.length).toBeGreaterThanOrEqual(3);
		for (const part of parts) {
			expect(part.length).toBeLessThanOrEqual(DiscordLimits.messageContent);
			expect(part).not.toMatch(/[\uD800-\uDBFF]$/);
		}
		expect(parts.join('')).toBe(text);
	});

	it('honours a smaller limit, e.g. after a name prefix', () => {
		const parts = splitMessage(sentences(10), 100);
		for (const part of parts) expect(part.length).toBeLessThanOrEqual(100);
		expect(() => splitMessage('x', 3)).toThrow(/maxLength/);
	});
});
