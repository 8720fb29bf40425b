import { createLogger, createRedisConnection, Keyspace, waitForRedisReady } from '@charbot/core';
import { type RedisServer, startRedisServer, uniquePrefix } from '@charbot/testkit';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tagGuildKeys } from '../../scripts/redisKeys/tagGuildKeys.js';

describe('tagGuildKeys: upgrading a deployment to the hash-tagged keys', () => {
	let server: RedisServer;
	let redis: Redis;

	beforeAll(async () => {
		server = await startRedisServer();
		redis = createRedisConnection({ url: server.url, role: 'producer', logger: createLogger({ name: 'test', level: 'silent', format: 'json' }) });
		await waitForRedisReady(redis);
	});
	afterAll(async () => {
		redis?.disconnect();
		await server?.close();
	});

	it("renames every guild key and sealed token to the name the upgraded apps read, keeping values and TTLs, and counts the old queues' keys", async () => {
		const prefix = uniquePrefix('tag');
		const keys = new Keyspace(prefix);
		await redis.set(`${prefix}:g:111111111111111111:settings`, '{"banterLimit":3}');
		await redis.set(`${prefix}:g:111111111111111111:settings:222222222222222222`, '{"mode":"active"}', 'EX', 600);
		await redis.hset(`${prefix}:g:dm:memory:333333333333333333`, 'likes boats', '{}');
		await redis.set(`${prefix}-secret:g:111111111111111111:webhook-token:222222222222222222`, 'sealed');
		await redis.set(keys.settings('444444444444444444'), '{"already":"tagged"}');
		await redis.set(`${prefix}:g:555555555555555555:settings`, '{"old":true}');
		await redis.set(keys.settings('555555555555555555'), '{"new":true}');
		await redis.rpush(`${prefix}:q:route:wait`, '1');

		expect(await tagGuildKeys(redis, prefix, { dryRun: true })).toMatchObject({ renamed: 5, oldQueueKeys: 1 });
		expect(await redis.exists(`${prefix}:g:111111111111111111:settings`), 'a dry run renames nothing').toBe(1);

		const report = await tagGuildKeys(redis, prefix);
		expect(report).toEqual({ renamed: 4, conflicts: [`${prefix}:g:555555555555555555:settings`], oldQueueKeys: 1 });
		expect(await redis.get(keys.settings('111111111111111111'))).toBe('{"banterLimit":3}');
		expect(await redis.ttl(keys.settings('111111111111111111', '222222222222222222'))).toBeGreaterThan(500);
		expect(await redis.hkeys(keys.memberMemory(null, '333333333333333333'))).toEqual(['likes boats']);
		expect(await redis.get(keys.channelWebhookToken('111111111111111111', '222222222222222222'))).toBe('sealed');
		expect(await redis.get(keys.settings('555555555555555555')), 'what the upgraded apps wrote meanwhile wins').toBe('{"new":true}');
		expect(await tagGuildKeys(redis, prefix), 'a second run finds nothing to do').toMatchObject({ renamed: 0 });
	});
});
