import { SettingsAudit } from '@charbot/stores';
import { createRedisConnection, waitForRedisReady } from '@charbot/core';
import { waitFor } from '@charbot/testkit';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayFixture, startGatewayFixture } from '../gateway/gatewayFixture.js';
import { answerText, finished, invoke } from './slashCommands.js';

// Redis is made slow for real: CLIENT PAUSE holds every client's commands on the server (the gateway's too) for a
// while, as an overloaded or failing-over Redis would. Discord's 3-second window is the emulator's, enforced: a
// late first response is refused there with 10062 Unknown interaction.
const pauseMs = 4000;

let fx: GatewayFixture;
let admin: Redis;

beforeAll(async () => {
	fx = await startGatewayFixture({ gateway: { slowInteractionMs: 1000 } });
	admin = createRedisConnection({ url: fx.redisServer.url, role: 'worker' });
	await waitForRedisReady(admin);
});
afterAll(async () => {
	admin?.disconnect();
	await fx?.close();
});

/** Pauses every Redis client for `ms`, returning once the pause is in force. */
async function pauseRedis(ms: number): Promise<number> {
	await admin.call('CLIENT', 'PAUSE', String(ms), 'ALL');
	return Date.now();
}

describe('acknowledging inside the 3-second window while Redis is slow', () => {
	it('defers a settings command at once, says it is still working, then answers when Redis is back', async () => {
		const pausedAt = await pauseRedis(pauseMs);
		const { id } = invoke(fx.emulator, { user: 'erin', name: 'config', sub: 'set', options: { key: 'talkativeness', value: '2' } });
		const deferred = await fx.emulator.control.waitForInteraction(id, (view) => view.state !== 'pending', 2500);
		expect(Date.now() - pausedAt).toBeLessThan(pauseMs);
		expect(deferred).toMatchObject({ callbackType: 5, ephemeral: true });
		const note = await fx.emulator.control.waitForInteraction(id, (view) => view.original?.content.startsWith('Still working on it') === true, 2500);
		expect(Date.now() - pausedAt).toBeLessThan(pauseMs);
		expect(note.original?.ephemeral).toBe(true);
		const answered = await fx.emulator.control.waitForInteraction(id, finished, 10_000);
		expect(Date.now() - pausedAt).toBeGreaterThanOrEqual(pauseMs - 100);
		expect(answerText(answered)).toBe('**talkativeness** is now **×2** for the whole server. It was not set there.');
		expect((await fx.settings.overrides(fx.guildId)).talkativeness).toBe(2);
	});

	it('defers /ask at once and enqueues its job once Redis answers', async () => {
		const pausedAt = await pauseRedis(pauseMs);
		const { id } = invoke(fx.emulator, { user: 'alice', name: 'ask', options: { character: 'peter', message: 'Anything good on TV?' } });
		const deferred = await fx.emulator.control.waitForInteraction(id, (view) => view.state !== 'pending', 2500);
		expect(Date.now() - pausedAt).toBeLessThan(pauseMs);
		expect(deferred).toMatchObject({ callbackType: 5, ephemeral: false });
		await waitFor(async () => (await fx.routeJobsFor(id)).length === 1, 'the /ask route job', 10_000);
	});

	it('answers autocomplete while Redis is paused: it reads only memory', async () => {
		const pausedAt = await pauseRedis(pauseMs);
		const general = fx.emulator.seed?.channels.general ?? '';
		const { id } = fx.emulator.control.autocomplete({
			channelId: general,
			userId: fx.emulator.seed?.users.bob ?? '',
			name: 'characters',
			subcommand: 'info',
			options: { character: 'pet' },
			focused: 'character',
		});
		const view = await fx.emulator.control.waitForInteraction(id, (current) => current.state === 'autocompleted', 2500);
		expect(Date.now() - pausedAt).toBeLessThan(1500);
		expect(view.autocompleteChoices).toEqual([{ name: 'Peter Griffin (peter)', value: 'peter' }]);
		await new Promise((resolve) => setTimeout(resolve, pauseMs - (Date.now() - pausedAt)));
	});
});

describe('when Redis is down', () => {
	it('logs the failure and tells the member privately, then works again once Redis is back', async () => {
		await fx.redisServer.stop();
		try {
			const { id } = invoke(fx.emulator, { user: 'erin', name: 'config', sub: 'set', options: { key: 'banter-limit', value: '1' } });
			const view = await fx.emulator.control.waitForInteraction(id, finished, 10_000);
			expect(view.ephemeral).toBe(true);
			expect(answerText(view)).toBe('Sorry, that did not work: something went wrong on our side and it has been logged. Please try again in a moment.');
			await waitFor(() => fx.logLines.some((line) => line.includes('"level":50') && line.includes('/config failed')), 'the failure in the log');
			expect(fx.logLines.join('')).not.toContain(fx.emulator.token);
		} finally {
			await fx.redisServer.start();
		}
		await waitFor(async () => (await fx.app.redis.ping().catch(() => 'down')) === 'PONG', "the gateway's Redis connection back", 10_000);
		const { id } = invoke(fx.emulator, { user: 'erin', name: 'config', sub: 'set', options: { key: 'banter-limit', value: '1' } });
		expect(answerText(await fx.emulator.control.waitForInteraction(id, finished))).toMatch(/^\*\*banter-limit\*\* is now \*\*1\*\*/);
		expect(await new SettingsAudit(fx.redis, fx.keyspace).recent(fx.guildId)).toMatchObject([{ key: 'banterLimit', after: 1 }]);
	});
});
