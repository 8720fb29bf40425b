import { GuildStats } from '@charbot/stores';
import { createLogger, createRedisConnection, Keyspace, waitForRedisReady } from '@charbot/core';
import type { InteractionView, TranscriptMessage } from '@charbot/discord-emulator';
import { variedLineFor, waitFor } from '@charbot/testkit';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PlatformHarness, seededChannel, startPlatform } from '../pipeline/platformHarness.js';
import { answerOf, answerText, invoke } from './slashCommands.js';

// Every prompt the simulator receives is kept by the token its question carries, so a test can read what the
// character was told (the system message holds the remembered facts as quoted lines).
const prompts = new Map<string, { role: string; content: string }[]>();
const capture = {
	match: /tk-[a-z0-9]+/,
	reply: ({ lastUserMessage, messages }: { lastUserMessage: string; messages: { role: string; content: string }[] }) => {
		const token = /tk-[a-z0-9]+/.exec(lastUserMessage)?.[0] ?? 'none';
		prompts.set(token, messages);
		return variedLineFor(token);
	},
};
const fact = JSON.stringify('I play the cello');

let platform: PlatformHarness;
let redis: Redis;
let general: string;

beforeAll(async () => {
	platform = await startPlatform({ sim: { scripts: [capture] } });
	general = seededChannel(platform, 'general');
	redis = createRedisConnection({ url: platform.redis.url, role: 'producer' });
	await waitForRedisReady(redis);
	// Members here talk faster than the default 2-second cooldown allows; an admin lifts it like anyone would.
	const lifted = await answerOf(platform.emulator, { user: 'erin', name: 'config', sub: 'set', options: { key: 'cooldown', value: '0' } });
	expect(answerText(lifted)).toMatch(/^\*\*cooldown\*\* is now \*\*0 s\*\*/);
});
afterAll(async () => {
	redis?.disconnect();
	await platform?.close();
});

/** Posts as a seeded member and waits for the one character reply carrying `token`. */
async function say(user: string, content: string, token: string): Promise<TranscriptMessage> {
	platform.emulator.control.postMessage({ channelId: general, authorId: platform.emulator.seed?.users[user] ?? '', content: `${content} ${token}` });
	const carrying = () => platform.botMessages(general).filter((message) => message.content.includes(token));
	await waitFor(() => carrying().length > 0, `a reply carrying ${token}`, 30_000);
	return carrying()[0] as TranscriptMessage;
}

/** The system message the character got for the question carrying `token`. */
const systemPromptOf = (token: string) => prompts.get(token)?.find((message) => message.role === 'system')?.content ?? '';

describe('/ask through the whole pipeline (gateway → router → quality control, each a process)', () => {
	it('is deferred at once and answered through the interaction in an embed authored by the character (name and avatar)', async () => {
		const { id } = invoke(platform.emulator, { user: 'bob', name: 'ask', options: { character: 'Peter', message: "What's on TV tonight? tk-ask" } });
		const deferred = await platform.emulator.control.waitForInteraction(id, (view) => view.state !== 'pending', 3000);
		expect(deferred).toMatchObject({ callbackType: 5, ephemeral: false });
		const answered: InteractionView = await platform.emulator.control.waitForInteraction(id, (view) => view.state === 'replied', 30_000);
		// A response is always the bot's own: the answer is an embed authored by the character, with no name written into the text.
		expect(answered.original?.content).toBe('');
		expect(answered.original?.embeds).toHaveLength(1);
		expect(answered.original?.embeds[0]).toMatchObject({
			author: { name: 'Peter Griffin', icon_url: expect.stringMatching(/^https:\/\//) },
			description: expect.stringMatching(/\btk-ask\b/),
		});
		expect(String(answered.original?.embeds[0]?.description)).not.toMatch(/\*\*Peter Griffin\*\*/);
		expect(answered.original?.ephemeral).toBe(false);
		expect(prompts.get('tk-ask')?.at(-2)).toMatchObject({ role: 'user', content: expect.stringContaining("What's on TV tonight? tk-ask") });
	});
});

describe('member memory through the whole pipeline', () => {
	it('puts a remembered fact in the next prompts, honours the memory setting on the next message, and forgets on request', async () => {
		await say('alice', 'Peter, remember that I play the cello.', 'tk-m1');
		expect(systemPromptOf('tk-m1')).toContain(fact);
		const shown = await answerOf(platform.emulator, { user: 'alice', name: 'memory', sub: 'show' });
		expect(answerText(shown)).toContain('1. I play the cello');

		await answerOf(platform.emulator, { user: 'erin', name: 'config', sub: 'set', options: { key: 'memory', value: 'off' } });
		await say('alice', 'Peter, what instrument do I play?', 'tk-m2');
		expect(systemPromptOf('tk-m2')).not.toContain(fact);
		await answerOf(platform.emulator, { user: 'erin', name: 'config', sub: 'set', options: { key: 'memory', value: 'on' } });
		await say('alice', 'Peter, so what do I play?', 'tk-m3');
		expect(systemPromptOf('tk-m3')).toContain(fact);

		const forgot = await answerOf(platform.emulator, { user: 'alice', name: 'memory', sub: 'forget' });
		expect(answerText(forgot)).toBe('Done: the characters forgot 1 thing about you.');
		await say('alice', 'Peter, and now, what do I play?', 'tk-m4');
		expect(systemPromptOf('tk-m4')).not.toContain(fact);
		expect(systemPromptOf('tk-m4')).not.toMatch(/Notes Peter Griffin remembers/);
	}, 90_000);
});

describe('/stats from what the router and quality control recorded', () => {
	it('shows the replies, pass rate, median latency and cache hit rate of the last 24 hours', async () => {
		const stats = new GuildStats(redis, new Keyspace(platform.prefix), { logger: createLogger({ name: 'test', level: 'silent', format: 'json' }) });
		const guildId = platform.emulator.seed?.guildId ?? null;
		// The router, quality control and delivery each flush their own counts, up to a second apart: wait for all three.
		const settled = async () => {
			const [peter] = await stats.summary(guildId);
			return peter !== undefined && peter.replies >= 5 && peter.generated >= 5 && peter.passed + peter.failed >= 5;
		};
		await waitFor(settled, 'five Peter replies recorded by the router, quality control and delivery', 10_000);
		const [peter] = await stats.summary(guildId);
		expect(peter).toMatchObject({ characterId: 'peter', replies: 5, passed: 5, failed: 0, passRate: 1, generated: 5 });
		expect(peter?.medianLatencyMs).toBeGreaterThan(0);
		const view = await answerOf(platform.emulator, { user: 'carol', name: 'stats' });
		expect(answerText(view)).toMatch(/• \*\*Peter Griffin\*\*: 5 replies · 100% passed · 0 repaired · 0 regenerated · \d+\.\d s median · \d+% cache hits/);
	});
});
