// ops/redis/users.acl and ops/keydb/users.acl, rendered by ops/render-acl.sh as compose does, loaded into a real
// redis-server; each app's own operations run through its user, and what it must not do is refused.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SettingsCache, SettingsStore } from '@charbot/stores';
import { createLogger, createRedisConnection, Keyspace, loadConfig, resolveFromRoot, waitForRedisReady } from '@charbot/core';
import { QueueName } from '@charbot/contracts';
import { type DiscordEmulator, startDiscordEmulator } from '@charbot/discord-emulator';
import { findFreePort, waitFor } from '@charbot/testkit';
import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChannelWebhooks } from '../../apps/delivery/src/delivery/ChannelWebhooks.js';
import { WebhookTokenSeal } from '../../apps/delivery/src/delivery/WebhookTokenSeal.js';
import { createDiscordRest } from '../../apps/delivery/src/delivery/createDiscordRest.js';
import { forgetChannelWebhooks } from '../../apps/gateway/src/webhooks/forgetChannelWebhooks.js';

const passwords = {
	REDIS_ADMIN_PASSWORD: randomBytes(24).toString('hex'),
	REDIS_GATEWAY_PASSWORD: randomBytes(24).toString('hex'),
	REDIS_ROUTER_PASSWORD: randomBytes(24).toString('hex'),
	REDIS_QC_PASSWORD: randomBytes(24).toString('hex'),
	REDIS_DELIVERY_PASSWORD: randomBytes(24).toString('hex'),
	REDIS_LLM_SERVICE_PASSWORD: randomBytes(24).toString('hex'),
};
const users = {
	gateway: passwords.REDIS_GATEWAY_PASSWORD,
	router: passwords.REDIS_ROUTER_PASSWORD,
	'quality-control': passwords.REDIS_QC_PASSWORD,
	delivery: passwords.REDIS_DELIVERY_PASSWORD,
	'llm-service': passwords.REDIS_LLM_SERVICE_PASSWORD,
	admin: passwords.REDIS_ADMIN_PASSWORD,
} as const;
type User = keyof typeof users;
const logger = createLogger({ name: 'acl-test', level: 'silent', format: 'json' });

/** redis-cli's answer (as compose's health check runs it), errors included. */
function cli(port: number, args: readonly string[]): string {
	return execFileSync('redis-cli', ['-p', String(port), '--no-auth-warning', ...args], { encoding: 'utf8' }).trim();
}

/** A redis-server on a free port reading the rendered ACL file of `template`. */
async function startWithAcl(template: string, dir: string): Promise<{ port: number; process: ChildProcess }> {
	const aclFile = join(dir, `${template.replace(/\W/g, '-')}.acl`);
	execFileSync('sh', [resolveFromRoot('ops/render-acl.sh'), resolveFromRoot(template), aclFile, 'true'], { env: { PATH: process.env.PATH, ...passwords } });
	const port = await findFreePort();
	const server = spawn(
		'redis-server',
		['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--aclfile', aclFile, '--logfile', join(dir, `${port}.log`)],
		{
			stdio: 'ignore',
		},
	);
	return { port, process: server };
}

describe('the Redis ACL users of compose (ops/redis/users.acl)', () => {
	const dir = mkdtempSync(join(tmpdir(), 'charbot-acl-'));
	const keys = new Keyspace('charbot');
	const guildId = '123456789012345678';
	let server: { port: number; process: ChildProcess };
	let emulator: DiscordEmulator;
	const open: Redis[] = [];

	/** A connection as one app's user. */
	async function connectAs(user: User, role: 'producer' | 'worker' = 'producer'): Promise<Redis> {
		const url = `redis://${encodeURIComponent(user)}:${users[user]}@127.0.0.1:${server.port}`;
		const redis = createRedisConnection({ url, role, logger, connectionName: `acl-test-${user}` });
		open.push(redis);
		await waitForRedisReady(redis, 5000);
		return redis;
	}

	beforeAll(async () => {
		server = await startWithAcl('ops/redis/users.acl', dir);
		emulator = await startDiscordEmulator({ heartbeatIntervalMs: 1000 });
		await waitFor(async () => {
			try {
				const admin = await connectAs('admin');
				return (await admin.ping()) === 'PONG';
			} catch {
				return false;
			}
		}, 'redis-server with the ACL file answers');
	});
	afterAll(async () => {
		for (const redis of open) redis.disconnect();
		server?.process.kill();
		await emulator?.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('lets nobody in without a user, and the health check only ping', () => {
		expect(cli(server.port, ['GET', 'charbot:g:1:settings'])).toMatch(/NOAUTH/);
		expect(cli(server.port, ['--user', 'healthcheck', '--pass', 'anything', 'PING'])).toBe('PONG');
		expect(cli(server.port, ['--user', 'healthcheck', '--pass', 'anything', 'GET', 'charbot:g:1:settings'])).toMatch(/NOPERM/);
	});

	it('runs the pipeline of each app through its own user: gateway → router → quality control → delivery → dashboard', async () => {
		const prefix = (name: string) => keys.queuePrefix(name);
		const gateway = await connectAs('gateway');
		await gateway.set(keys.cooldown(guildId, 'user', '323456789012345678'), '1', 'EX', 5);
		expect(await new SettingsStore(gateway, keys).effective(guildId, '223456789012345678')).toBeDefined();
		const route = new Queue(QueueName.Route, { connection: gateway, prefix: prefix(QueueName.Route) });
		await route.add('message', { hello: 'route' }, { jobId: 'msg-acl-1' });

		const routerWorkerConnection = await connectAs('router', 'worker');
		const router = await connectAs('router');
		const review = new Queue(QueueName.Review, { connection: router, prefix: prefix(QueueName.Review) });
		const routed = new Promise<void>((resolve, reject) => {
			const worker = new Worker(
				QueueName.Route,
				async (job) => {
					await router.lpush(keys.channelHistory(guildId, '223456789012345678'), JSON.stringify(job.data));
					await review.add('review', { from: job.id }, { jobId: 'review-acl-1' });
				},
				{ connection: routerWorkerConnection, prefix: prefix(QueueName.Route) },
			);
			worker.on('completed', () => void worker.close().then(resolve));
			worker.on('failed', (_job, error) => reject(error));
			worker.on('error', reject);
		});
		await routed;

		const qcWorkerConnection = await connectAs('quality-control', 'worker');
		const qc = await connectAs('quality-control');
		const deliver = new Queue(QueueName.Deliver, { connection: qc, prefix: prefix(QueueName.Deliver) });
		const reviewed = new Promise<void>((resolve, reject) => {
			const worker = new Worker(QueueName.Review, async (job) => void (await deliver.add('deliver', { from: job.id })), {
				connection: qcWorkerConnection,
				prefix: prefix(QueueName.Review),
			});
			worker.on('completed', () => void worker.close().then(resolve));
			worker.on('failed', (_job, error) => reject(error));
			worker.on('error', reject);
		});
		await reviewed;

		// Delivery posts, then starts banter: a route job, and the channel cooldown it takes.
		const deliveryWorkerConnection = await connectAs('delivery', 'worker');
		const delivery = await connectAs('delivery');
		const banter = new Queue(QueueName.Route, { connection: delivery, prefix: prefix(QueueName.Route) });
		const delivered = new Promise<void>((resolve, reject) => {
			const worker = new Worker(
				QueueName.Deliver,
				async (job) => {
					await delivery.set(keys.cooldown(guildId, 'channel', '223456789012345678'), '1', 'PX', 5000, 'NX');
					await banter.add('banter', { from: job.id }, { jobId: 'msg-acl-2' });
				},
				{ connection: deliveryWorkerConnection, prefix: prefix(QueueName.Deliver) },
			);
			worker.on('completed', () => void worker.close().then(resolve));
			worker.on('failed', (_job, error) => reject(error));
			worker.on('error', reject);
		});
		await delivered;

		const dashboard = await connectAs('llm-service');
		const counts = await Promise.all(
			Object.values(QueueName).map(async (name) => {
				const queue = new Queue(name, { connection: dashboard, prefix: prefix(name) });
				const jobCounts = await queue.getJobCounts();
				await queue.close();
				return [name, jobCounts] as const;
			}),
		);
		expect(Object.fromEntries(counts)[QueueName.Deliver]).toMatchObject({ completed: 1 });
		expect(Object.fromEntries(counts)[QueueName.Route]).toMatchObject({ completed: 1, waiting: 1 });
		await Promise.all([route.close(), review.close(), deliver.close(), banter.close()]);
	});

	it('lets the apps that read settings announce and follow settings changes, and nobody else', async () => {
		const readers = await Promise.all(
			(['gateway', 'router', 'quality-control', 'delivery'] as const).map(async (user) => {
				const redis = await connectAs(user);
				const cache = new SettingsCache(redis, keys, { logger });
				return { cache, store: new SettingsStore(redis, keys, { cache }) };
			}),
		);
		const caches = readers.map((reader) => reader.cache);
		try {
			await waitFor(() => caches.every((cache) => cache.stats.subscribed), 'every app subscribed to the settings changes');
			const channelId = '223456789012345679';
			await Promise.all(readers.map((reader) => reader.store.effective(guildId, channelId)));
			await new SettingsStore(await connectAs('gateway'), keys).change(guildId, { talkativeness: 2 }, { actor: { id: '1', name: 'acl' }, channelId });
			await waitFor(() => caches.every((cache) => cache.stats.invalidations === 1), 'every app heard the change');
			const dashboard = await connectAs('llm-service');
			await expect(dashboard.publish(keys.settingsChanges(), guildId), 'llm-service').rejects.toThrow(/NOPERM/);
			await expect((await connectAs('router')).publish(keys.global('other'), guildId), 'another channel').rejects.toThrow(/NOPERM/);
		} finally {
			await Promise.all(caches.map((cache) => cache.close()));
		}
	});

	it('keeps the webhook token from everyone but delivery; the gateway may still delete it', async () => {
		const channelId = emulator.seed?.channels.kitchen ?? '';
		const seededGuild = emulator.seed?.guildId ?? '';
		const config = loadConfig({ DISCORD_TOKEN: emulator.token, DISCORD_API_URL: emulator.apiUrl, ALLOW_SIMULATED_PARTS: 'true', NODE_ENV: 'test' });
		const delivery = await connectAs('delivery');
		const webhooks = new ChannelWebhooks({ rest: createDiscordRest(config, logger), redis: delivery, keys, logger, seal: WebhookTokenSeal.withRandomKey() });
		const webhook = await webhooks.get(seededGuild, channelId);
		const tokenKey = keys.channelWebhookToken(seededGuild, channelId);
		expect(await delivery.exists(tokenKey)).toBe(1);

		const gateway = await connectAs('gateway');
		expect(await gateway.get(keys.channelWebhook(seededGuild, channelId))).toBe(webhook.id);
		for (const user of ['gateway', 'router', 'quality-control', 'llm-service'] as const) {
			const redis = await connectAs(user);
			await expect(redis.get(tokenKey), user).rejects.toThrow(/NOPERM/);
			await expect(redis.dump(tokenKey), user).rejects.toThrow(/NOPERM/);
		}
		await expect((await connectAs('llm-service')).get(keys.channelWebhook(seededGuild, channelId))).rejects.toThrow(/NOPERM/);

		expect(await forgetChannelWebhooks(gateway, keys, seededGuild, [channelId], { wholeGuild: false })).toBe(1);
		expect(await delivery.exists(tokenKey, keys.channelWebhook(seededGuild, channelId))).toBe(0);
	});

	it('refuses the apps what no app needs: FLUSHALL, CONFIG, KEYS, ACL', async () => {
		for (const user of ['gateway', 'router', 'quality-control', 'delivery', 'llm-service'] as const) {
			const redis = await connectAs(user);
			await expect(redis.flushall(), user).rejects.toThrow(/NOPERM/);
			await expect(redis.config('GET', 'requirepass'), user).rejects.toThrow(/NOPERM/);
			await expect(redis.keys('*'), user).rejects.toThrow(/NOPERM/);
			await expect(redis.call('ACL', 'LIST'), user).rejects.toThrow(/NOPERM/);
		}
	});
});

describe('the KeyDB ACL users of compose (ops/keydb/users.acl)', () => {
	it('loads, lets the LLM apps use the response cache and has no gateway user', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'charbot-acl-'));
		const server = await startWithAcl('ops/keydb/users.acl', dir);
		const open: Redis[] = [];
		try {
			await waitFor(() => {
				try {
					return cli(server.port, ['--user', 'healthcheck', '--pass', 'anything', 'PING']) === 'PONG';
				} catch {
					return false;
				}
			}, 'the cache server answers');
			for (const user of ['router', 'quality-control', 'llm-service'] as const) {
				const redis = createRedisConnection({ url: `redis://${user}:${users[user]}@127.0.0.1:${server.port}`, role: 'producer', logger });
				open.push(redis);
				await waitForRedisReady(redis, 5000);
				await redis.set(`charbot:llm_response:${user}`, 'cached', 'EX', 60);
				expect(await redis.get(`charbot:llm_response:${user}`)).toBe('cached');
				await expect(redis.flushall(), user).rejects.toThrow(/NOPERM/);
			}
			expect(cli(server.port, ['--user', 'gateway', '--pass', users.gateway, 'GET', 'charbot:llm_response:router'])).toMatch(/WRONGPASS|NOAUTH/);
		} finally {
			for (const redis of open) redis.disconnect();
			server.process.kill();
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
