import { createLogger, createRedisConnection, Keyspace } from '@charbot/core';
import { buildJobData, QueueName } from '@charbot/contracts';
import { type DiscordEmulator, startDiscordEmulator } from '@charbot/discord-emulator';
import { findFreePort, type RedisServer, startRedisServer, uniquePrefix, waitFor } from '@charbot/testkit';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { startAppProcess } from '../foundation/startAppProcess.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverJob, settledJob } from '../quality-control/qcHarness.js';

let redis: RedisServer;
let emulator: DiscordEmulator;
let producer: Redis;

beforeAll(async () => {
	[redis, emulator] = await Promise.all([startRedisServer(), startDiscordEmulator({ heartbeatIntervalMs: 1000 })]);
	producer = createRedisConnection({ url: redis.url, role: 'producer', logger: createLogger({ name: 'test', level: 'silent', format: 'json' }) });
});
afterAll(async () => {
	producer?.disconnect();
	await Promise.all([emulator?.close(), redis?.close()]);
});

function baseEnv(prefix: string, port: number): Record<string, string> {
	return {
		REDIS_URL: redis.url,
		REDIS_KEY_PREFIX: prefix,
		DISCORD_TOKEN: emulator.token,
		DISCORD_API_URL: emulator.apiUrl,
		ALLOW_SIMULATED_PARTS: 'true',
		HEALTH_PORT: String(port),
	};
}

describe('the delivery process', () => {
	it('becomes ready, delivers, and drains on SIGTERM', async () => {
		const prefix = uniquePrefix('qcp');
		const port = await findFreePort();
		const app = startAppProcess('delivery', baseEnv(prefix, port));
		const deliverQueue = new Queue(QueueName.Deliver, { connection: producer, prefix: new Keyspace(prefix).queuePrefix(QueueName.Deliver) });
		try {
			let readiness: { checks?: Record<string, { ok: boolean; detail?: string }> } = {};
			await waitFor(
				async () => {
					if (app.child.exitCode !== null) throw new Error(`delivery exited:\n${app.output.join('')}`);
					const response = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined);
					if (response?.status !== 200) return false;
					readiness = (await response.json()) as typeof readiness;
					return true;
				},
				'delivery to be ready',
				30_000,
			);
			expect(readiness.checks?.discord).toEqual({ ok: true, detail: 'signed in as Charbot' });
			expect(app.output.join('')).toContain('DISCORD IS EMULATED');

			const seed = emulator.seed;
			const place = { guildId: seed?.guildId ?? null, channelId: seed?.channels.general ?? '', authorId: seed?.users.alice ?? '' };
			const text = `Heh heh, from a real process ${Date.now()}.`;
			const job = deliverJob(place, text);
			await deliverQueue.add('deliver', buildJobData(QueueName.Deliver, job), { jobId: job.jobKey });
			await settledJob(deliverQueue, job.jobKey, 20_000);
			expect(emulator.control.transcript(place.channelId).filter((message) => message.content === text)).toHaveLength(1);

			app.child.kill('SIGTERM');
			expect(await app.exited).toBe(0);
			expect(app.output.join('')).toContain('shutdown complete');
		} finally {
			if (app.child.exitCode === null) app.child.kill('SIGKILL');
			await deliverQueue.close();
		}
	});

	it('refuses the emulator unless simulated parts are allowed, naming the settings', async () => {
		const app = startAppProcess('delivery', { ...baseEnv(uniquePrefix('qcp'), await findFreePort()), ALLOW_SIMULATED_PARTS: 'false' });
		expect(await app.exited).toBe(1);
		expect(app.output.join('')).toMatch(/DISCORD_API_URL=http:\/\/127\.0\.0\.1:\d+\/api points at a Discord emulator; that needs ALLOW_SIMULATED_PARTS=true/);
	});

	it('exits at start when Discord refuses the token, without printing it', async () => {
		const token = 'not-the-emulator-token-0123456789';
		const app = startAppProcess('delivery', { ...baseEnv(uniquePrefix('qcp'), await findFreePort()), DISCORD_TOKEN: token });
		expect(await app.exited).toBe(1);
		const output = app.output.join('');
		expect(output).toContain('Discord refused DISCORD_TOKEN (401 Unauthorized)');
		expect(output).not.toContain(token);
	});
});
