import { describe, expect, it } from 'vitest';
import { parseReactionEmoji, sameEmoji } from './parseReactionEmoji.js';

describe('parseReactionEmoji', () => {
	it('reads unicode emoji, with or without the presentation selector, skin tones and sequences', () => {
		for (const emoji of ['👍', '❤️', '❤', '👍🏽', '👨‍👩‍👧', '🇺🇸', '1️⃣']) expect(parseReactionEmoji(emoji)).toEqual({ id: null, name: emoji, animated: false });
	});

	it('reads custom emoji as name:id and a:name:id', () => {
		expect(parseReactionEmoji('peter:112233445566778899')).toEqual({ id: '112233445566778899', name: 'peter', animated: false });
		expect(parseReactionEmoji('a:dance:112233445566778899')).toEqual({ id: '112233445566778899', name: 'dance', animated: true });
	});

	it('answers 10014 Unknown Emoji for anything else', () => {
		for (const raw of ['', 'thumbsup', ':peter:', 'peter:12', '👍👍', '<:peter:112233445566778899>']) {
			expect(() => parseReactionEmoji(raw)).toThrow(expect.objectContaining({ status: 400, body: { code: 10014, message: 'Unknown Emoji' } }));
		}
	});

	it('treats custom emoji as the same by id and unicode ones by text', () => {
		expect(sameEmoji({ id: '1', name: 'a', animated: false }, { id: '1', name: 'renamed', animated: false })).toBe(true);
		expect(sameEmoji({ id: null, name: '👍', animated: false }, { id: null, name: '👍', animated: false })).toBe(true);
		expect(sameEmoji({ id: null, name: '👍', animated: false }, { id: '1', name: '👍', animated: false })).toBe(false);
	});
});
