import { type RedisServer, startRedisServer } from '@charbot/testkit';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LuaScript } from '@charbot/core';

describe('LuaScript', () => {
	let server: RedisServer;
	let redis: Redis;

	beforeAll(async () => {
		server = await startRedisServer();
		redis = new Redis(server.url);
	});
	afterAll(async () => {
		redis?.disconnect();
		await server?.close();
	});

	it('runs by its SHA1 once Redis knows it, and sends it whole again after SCRIPT FLUSH', async () => {
		const script = new LuaScript("redis.call('SET', KEYS[1], ARGV[1]) return redis.call('INCRBY', KEYS[2], ARGV[2])");
		const calls = async () => {
			const stats = await redis.info('commandstats');
			const count = (name: string) => Number(new RegExp(`^cmdstat_${name}:calls=(\\d+)`, 'm').exec(stats)?.[1] ?? 0);
			return { eval: count('eval'), evalsha: count('evalsha') };
		};
		await redis.script('FLUSH');
		const before = await calls();
		expect(await script.run(redis, ['lua:a', 'lua:n'], ['x', 2])).toBe(2);
		expect(await script.run(redis, ['lua:a', 'lua:n'], ['y', 3])).toBe(5);
		await redis.script('FLUSH');
		expect(await script.run(redis, ['lua:a', 'lua:n'], ['z', 4])).toBe(9);
		const after = await calls();
		// The first call and the one after the flush were refused by SHA and sent whole; the second ran by SHA.
		expect({ eval: after.eval - before.eval, evalsha: after.evalsha - before.evalsha }).toEqual({ eval: 2, evalsha: 3 });
		expect(await redis.get('lua:a')).toBe('z');
	});

	it('passes other errors on', async () => {
		const failing = new LuaScript("return redis.error_reply('NOPE not today')");
		await expect(failing.run(redis, [], [])).rejects.toThrow(/NOPE not today/);
	});
});
