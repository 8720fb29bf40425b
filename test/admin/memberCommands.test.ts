import { createLogger } from '@charbot/core';
import { GuildStats, MemberMemory } from '@charbot/stores';
import { waitFor } from '@charbot/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayFixture, startGatewayFixture } from '../gateway/gatewayFixture.js';
import { answerOf, answerText, invoke } from './slashCommands.js';

let fx: GatewayFixture;
let general: string;
const user = (name: string) => fx.emulator.seed?.users[name] ?? '';

beforeAll(async () => {
	fx = await startGatewayFixture();
	general = fx.emulator.seed?.channels.general ?? '';
});
afterAll(async () => {
	await fx?.close();
});

describe('member memory', () => {
	it('stores what a member asks a character to remember, shows it only to them, and forgets it', async () => {
		const frank = fx.newMember('frank');
		const posted = fx.post(general, frank, 'Peter, remember that I play the cello.');
		expect(await fx.outcomeOf(posted.id)).toMatchObject({ kind: 'enqueued' });
		const memory = new MemberMemory(fx.redis, fx.keyspace);
		expect((await memory.list(fx.guildId, frank)).map((fact) => fact.text)).toEqual(['I play the cello']);
		const chatter = fx.post(general, frank, 'remember that I hate mondays');
		expect(await fx.outcomeOf(chatter.id)).toMatchObject({ kind: 'not-triggered' });
		expect(await memory.list(fx.guildId, frank)).toHaveLength(1);

		const shown = await fx.emulator.control.waitForInteraction(invoke(fx.emulator, { user: 'alice', name: 'memory', sub: 'show' }).id);
		expect(answerText(shown)).toMatch(/remember nothing about you/);
		const { id } = fx.emulator.control.invokeCommand({ channelId: general, userId: frank, name: 'memory', subcommand: 'show' });
		const own = await fx.emulator.control.waitForInteraction(id);
		expect(own.ephemeral).toBe(true);
		expect(answerText(own)).toContain('1. I play the cello');
		const forgot = await fx.emulator.control.waitForInteraction(
			fx.emulator.control.invokeCommand({ channelId: general, userId: frank, name: 'memory', subcommand: 'forget' }).id,
		);
		expect(answerText(forgot)).toBe('Done: the characters forgot 1 thing about you.');
		expect(await memory.list(fx.guildId, frank)).toEqual([]);
	});

	it('stores nothing when the server turned memory off', async () => {
		await answerOf(fx.emulator, { user: 'erin', name: 'config', sub: 'set', options: { key: 'memory', value: 'off' } });
		const gina = fx.newMember('gina');
		const posted = fx.post(general, gina, 'Stewie, remember that I am a chess champion');
		expect(await fx.outcomeOf(posted.id)).toMatchObject({ kind: 'enqueued' });
		expect(await new MemberMemory(fx.redis, fx.keyspace).list(fx.guildId, gina)).toEqual([]);
		await answerOf(fx.emulator, { user: 'erin', name: 'config', sub: 'reset', options: { scope: 'server', key: 'memory' } });
	});
});

describe('/stats', () => {
	it('reports each character over the last 24 hours', async () => {
		const empty = await answerOf(fx.emulator, { user: 'alice', name: 'stats' });
		expect(answerText(empty)).toBe('No character has been active here in the last 24 hours.');
		const stats = new GuildStats(fx.redis, fx.keyspace, { logger: createLogger({ name: 'test', level: 'silent', format: 'json' }) });
		stats.recordGeneration(fx.guildId, 'peter', true);
		stats.recordGeneration(fx.guildId, 'peter', false);
		stats.recordReview(fx.guildId, 'peter', 'passed');
		stats.recordReview(fx.guildId, 'peter', 'repaired');
		stats.recordReview(fx.guildId, 'peter', 'regenerated');
		stats.recordDelivery(fx.guildId, 'peter', 1200);
		stats.recordDelivery(fx.guildId, 'peter', 1800);
		await stats.close();
		const view = await answerOf(fx.emulator, { user: 'alice', name: 'stats' });
		expect(view.ephemeral).toBe(true);
		expect(answerText(view)).toContain('• **Peter Griffin**: 2 replies · 67% passed · 1 repaired · 1 regenerated · 1.5 s median · 50% cache hits');
	});
});

describe('/ask', () => {
	it('defers at once and enqueues a route job carrying the interaction, for the message router', async () => {
		const { id } = invoke(fx.emulator, { user: 'bob', name: 'ask', options: { character: 'brian', message: 'What are you reading?' } });
		const deferred = await fx.emulator.control.waitForInteraction(id, (view) => view.state === 'deferred', 3000);
		expect(deferred.ephemeral).toBe(false);
		const jobs = await waitForJobs(id);
		expect(jobs).toHaveLength(1);
		expect(jobs[0]?.data).toMatchObject({
			jobKey: `msg-${id}-brian`,
			characterId: 'brian',
			trigger: 'command',
			interaction: { id, applicationId: fx.emulator.applicationId },
			message: { id, channelId: general, content: 'What are you reading?', author: { id: user('bob'), username: 'bob' } },
		});
		expect(fx.logLines.join('')).not.toContain(jobs[0]?.data.interaction?.interactionToken ?? 'no token');
	});

	it('refuses privately a character not allowed in the channel', async () => {
		await answerOf(fx.emulator, { user: 'erin', name: 'channel', group: 'characters', sub: 'add', options: { character: 'peter' }, channel: 'bot-lab' });
		const view = await answerOf(fx.emulator, { user: 'bob', name: 'ask', options: { character: 'stewie', message: 'hi' }, channel: 'bot-lab' });
		expect(view.original).toBeNull();
		expect(view.followUps).toMatchObject([{ ephemeral: true, content: 'Stewie Griffin does not answer in this channel. `/characters list` shows who does.' }]);
	});
});

async function waitForJobs(messageId: string) {
	await waitFor(async () => (await fx.routeJobsFor(messageId)).length > 0, `a route job for interaction ${messageId}`);
	return fx.routeJobsFor(messageId);
}
