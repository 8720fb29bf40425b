import { codePointLength } from '@charbot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerOf, answerText } from '../admin/slashCommands.js';
import { type GatewayFixture, startGatewayFixture } from './gatewayFixture.js';

// Discord does not check a string option's length against anything the bot cannot see coming: a 5,000-character
// "character" reaches the bot, and a refusal quoting it must still fit in one message.
let fx: GatewayFixture;

beforeAll(async () => {
	fx = await startGatewayFixture();
});
afterAll(async () => {
	await fx?.close();
});

describe('command answers quoting overlong options', () => {
	it.each([
		{ name: 'ask', options: { character: 'x'.repeat(5000), message: 'hi' } },
		{ name: 'characters', sub: 'info', options: { character: '🔥'.repeat(2500) } },
	])('/$name gets its refusal, cut to 2,000 characters, and nothing fails', async ({ name, sub, options }) => {
		const answer = await answerOf(fx.emulator, { user: 'bob', name, ...(sub === undefined ? {} : { sub }), options });
		const text = answerText(answer);
		expect(text).toMatch(/^There is no character called "(x|🔥)+/);
		// Discord counts code points: each 🔥 is one of the 2,000.
		expect(codePointLength(text)).toBe(2000);
		expect(text.endsWith('…')).toBe(true);
		expect(fx.logLines.filter((line) => /"level":(50|60)/.test(line))).toEqual([]);
	});
});
