import { describe, expect, it } from 'vitest';
import { HistoryEntryCacheLimits, readHistoryEntry } from './readHistoryEntry.js';

const line = (messageId: string, extra: Record<string, unknown> = {}) =>
	JSON.stringify({ messageId, authorId: 'u1', authorName: 'Meg', content: `hello from ${messageId}`, at: 1, ...extra });

describe('readHistoryEntry', () => {
	it('reads a stored line, and skips one that is not JSON or not an entry', () => {
		expect(readHistoryEntry(line('m1', { characterId: 'meg', answers: 'm0' }))).toEqual({
			messageId: 'm1',
			authorId: 'u1',
			authorName: 'Meg',
			content: 'hello from m1',
			at: 1,
			characterId: 'meg',
			answers: 'm0',
		});
		expect(readHistoryEntry('{not json')).toBeUndefined();
		expect(readHistoryEntry(JSON.stringify({ messageId: 'm2', content: 'no author' }))).toBeUndefined();
		expect(readHistoryEntry(line('m3', { at: 'yesterday' }))).toBeUndefined();
	});

	it('hands out frozen entries, since a line read again gives the same one', () => {
		const stored = line('m4', { images: [{ url: 'https://cdn.discordapp.com/attachments/1/2/a.png', name: 'a.png', source: 'attachment' }] });
		const entry = readHistoryEntry(stored);
		expect(readHistoryEntry(stored)).toBe(entry);
		expect(Object.isFrozen(entry)).toBe(true);
		expect(Object.isFrozen(entry?.images)).toBe(true);
		expect(Object.isFrozen(entry?.images?.[0])).toBe(true);
	});

	it('keeps no more lines than its limit', () => {
		const first = line('first');
		const entry = readHistoryEntry(first);
		for (let index = 0; index < HistoryEntryCacheLimits.lines; index += 1) readHistoryEntry(line(`other-${index}`));
		const again = readHistoryEntry(first);
		expect(again).toEqual(entry);
		expect(again).not.toBe(entry);
	});
});
