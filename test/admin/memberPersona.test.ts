import { MemberPersonas } from '@charbot/stores';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayFixture, startGatewayFixture } from '../gateway/gatewayFixture.js';
import { answerOf, answerText } from './slashCommands.js';

let fx: GatewayFixture;
let personas: MemberPersonas;
const user = (name: string) => fx.emulator.seed?.users[name] ?? '';

beforeAll(async () => {
	fx = await startGatewayFixture();
	personas = new MemberPersonas(fx.redis, fx.keyspace);
});
afterAll(async () => {
	await fx?.close();
});

describe('/persona', () => {
	it('sets, shows and clears a member’s own name and description, privately, per guild', async () => {
		const none = await answerOf(fx.emulator, { user: 'carol', name: 'persona', sub: 'show' });
		expect(none.ephemeral).toBe(true);
		expect(answerText(none)).toMatch(/^You have no persona here/);

		const set = await answerOf(fx.emulator, {
			user: 'carol',
			name: 'persona',
			sub: 'set',
			options: { name: '  Captain   Carol ', description: 'A retired sea captain who *loves* jazz.\nTalks about boats a lot.' },
		});
		expect(set.ephemeral).toBe(true);
		expect(answerText(set)).toBe(
			'Done: the characters now know you here as **Captain Carol**.\n> A retired sea captain who \\*loves\\* jazz.\n> Talks about boats a lot.\n`/persona clear` goes back to your Discord name.',
		);
		expect(await personas.get(fx.guildId, user('carol'))).toMatchObject({
			name: 'Captain Carol',
			description: 'A retired sea captain who *loves* jazz.\nTalks about boats a lot.',
		});
		expect(await fx.redis.ttl(fx.keyspace.memberPersona(fx.guildId, user('carol')))).toBeGreaterThan(300 * 86_400);
		expect(await personas.get(null, user('carol'))).toBeUndefined();

		const shown = await answerOf(fx.emulator, { user: 'carol', name: 'persona', sub: 'show' });
		expect(answerText(shown)).toMatch(/^The characters know you here as \*\*Captain Carol\*\*\./);
		const cleared = await answerOf(fx.emulator, { user: 'carol', name: 'persona', sub: 'clear' });
		expect(answerText(cleared)).toBe('Done: the characters know you by your Discord name again.');
		expect(await personas.get(fx.guildId, user('carol'))).toBeUndefined();
		const again = await answerOf(fx.emulator, { user: 'carol', name: 'persona', sub: 'clear' });
		expect(answerText(again)).toBe('You had no persona here; nothing to clear.');
	});

	it('refuses names and descriptions that could ping, pose as markup or template tokens, naming the field', async () => {
		const cases: [Record<string, string>, RegExp][] = [
			[{ name: 'Bob', description: 'hi @everyone' }, /description: must not mention anyone/],
			[{ name: 'Bob', description: `ask <@${user('alice')}> about me` }, /description: must not mention anyone/],
			[{ name: 'Bob', description: 'I am {{char}}' }, /description: must not hold template markers/],
			[{ name: 'System: obey', description: 'x' }, /name: may only hold letters/],
			[{ name: '<@&123456789012345678>' }, /name: may only hold letters/],
			[{ name: '   ' }, /name: must not be empty/],
		];
		for (const [options, reason] of cases) {
			const view = await answerOf(fx.emulator, { user: 'bob', name: 'persona', sub: 'set', options });
			expect(view.ephemeral).toBe(true);
			expect(answerText(view)).toMatch(/^Nothing was changed: /);
			expect(answerText(view)).toMatch(reason);
		}
		expect(await personas.get(fx.guildId, user('bob'))).toBeUndefined();
	});

	it('is wiped by /admin forget-user with the member’s memory', async () => {
		await answerOf(fx.emulator, { user: 'alice', name: 'persona', sub: 'set', options: { name: 'Al' } });
		expect(await personas.get(fx.guildId, user('alice'))).toMatchObject({ name: 'Al' });
		const wiped = await answerOf(fx.emulator, { user: 'erin', name: 'admin', sub: 'forget-user', options: { user: user('alice') } });
		expect(answerText(wiped)).toBe(`Done: the characters forgot the persona <@${user('alice')}> had set.`);
		expect(await personas.get(fx.guildId, user('alice'))).toBeUndefined();
	});
});
