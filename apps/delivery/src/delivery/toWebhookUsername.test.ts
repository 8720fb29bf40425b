import { describe, expect, it } from 'vitest';
import { toWebhookUsername } from './toWebhookUsername.js';

describe('toWebhookUsername', () => {
	it('keeps a valid name as it is', () => {
		expect(toWebhookUsername('Peter Griffin')).toBe('Peter Griffin');
	});

	it('breaks up "discord" and "clyde" in any case, even overlapping', () => {
		expect(toWebhookUsername('Discord Dave')).toBe('Disc0rd Dave');
		expect(toWebhookUsername('CLYDE the bot')).toBe('C1YDE the bot');
		expect(toWebhookUsername('discordiscord')).not.toMatch(/discord/i);
	});

	it('refuses the names "everyone" and "here"', () => {
		expect(toWebhookUsername('everyone')).toBe('everyone.');
		expect(toWebhookUsername(' Here ')).toBe('Here.');
		expect(toWebhookUsername('Everyone Loves Raymond')).toBe('Everyone Loves Raymond');
	});

	it('fits 1-80 characters, collapsing whitespace and control characters', () => {
		expect(toWebhookUsername('a'.repeat(100))).toHaveLength(80);
		expect(toWebhookUsername('  Stewie \n\t Griffin\u200b ')).toBe('Stewie Griffin');
		expect(toWebhookUsername('\u0000 ')).toBe('Character');
		expect(toWebhookUsername('😀'.repeat(90))).toBe('😀'.repeat(80));
	});
});
