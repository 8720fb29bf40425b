import { createLogger, loadConfig } from '@charbot/core';
import { type DiscordEmulator, shardForGuild, startDiscordEmulator } from '@charbot/discord-emulator';
import { type RedisServer, startRedisServer, uniquePrefix } from '@charbot/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayApp, startGateway } from '../../apps/gateway/src/startGateway.js';

describe('gateway sharding by DISCORD_SHARD_COUNT and DISCORD_SHARD_IDS', () => {
	let redis: RedisServer;
	let emulator: DiscordEmulator;
	let app: GatewayApp | undefined;

	beforeAll(async () => {
		[redis, emulator] = await Promise.all([startRedisServer(), startDiscordEmulator({ heartbeatIntervalMs: 1000, shards: 2, seed: { guilds: 6 } })]);
	});
	afterAll(async () => {
		await app?.close();
		await emulator?.close();
		await redis?.close();
	});

	it('connects only shard 1 of 2 and sees only the guilds of that shard', async () => {
		const config = loadConfig({
			NODE_ENV: 'test',
			REDIS_URL: redis.url,
			REDIS_KEY_PREFIX: uniquePrefix('shard'),
			DISCORD_TOKEN: emulator.token,
			DISCORD_API_URL: emulator.apiUrl,
			ALLOW_SIMULATED_PARTS: 'true',
			DISCORD_SHARD_COUNT: '2',
			DISCORD_SHARD_IDS: '1',
		});
		app = await startGateway({ config, logger: createLogger({ name: 'gateway', level: 'silent', format: 'json' }) });
		expect(emulator.control.sessions().map(({ shardId, shardCount, connected }) => ({ shardId, shardCount, connected }))).toEqual([
			{ shardId: 1, shardCount: 2, connected: true },
		]);
		const onShardOne = (emulator.seed?.guildIds ?? []).filter((id) => shardForGuild(id, 2) === 1).sort();
		expect(onShardOne.length).toBeGreaterThan(0);
		expect([...app.client.guilds.cache.keys()].sort()).toEqual(onShardOne);
		expect(await app.registry.getSingleMetricAsString('charbot_discord_gateway_connected')).toMatch(/^charbot_discord_gateway_connected\{shard="1"\} 1$/m);
	});
});
