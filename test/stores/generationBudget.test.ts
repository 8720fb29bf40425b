import { GenerationBudget } from '@charbot/stores';
import { Keyspace, ManualClock } from '@charbot/core';
import { uniquePrefix } from '@charbot/testkit';
import { type StoreRedis, startStoreRedis } from './startStoreRedis.js';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const guild = '111111111111111111';
const otherGuild = '222222222222222222';

describe('GenerationBudget on a real redis-server', () => {
	let store: StoreRedis;
	let redis: Redis;
	let keys: Keyspace;

	beforeAll(async () => {
		store = await startStoreRedis();
		redis = store.redis;
	});
	afterAll(async () => {
		await store?.close();
	});
	const budget = (memberLimit: number, guildLimit: number, clock = new ManualClock(1_000_000)) => {
		keys = new Keyspace(uniquePrefix('budget'));
		return new GenerationBudget(redis, keys, { memberLimit, guildLimit, windowSeconds: 600, clock });
	};

	it('reserves all of a message or none of it, per member across guilds and DMs, and says when the window ends', async () => {
		const limits = budget(5, 100);
		expect(await limits.reserve({ guildId: guild, memberId: 'm1' }, 3)).toEqual({ allowed: true });
		expect(await limits.reserve({ guildId: otherGuild, memberId: 'm1' }, 3)).toEqual({ allowed: false, scope: 'member', retryAt: expect.any(Number) });
		expect(await limits.reserve({ guildId: null, memberId: 'm1' }, 2)).toEqual({ allowed: true });
		const refused = await limits.reserve({ guildId: null, memberId: 'm1' }, 1);
		expect(refused).toMatchObject({ allowed: false, scope: 'member' });
		// The window started with the first generation: about 600 s from the (fake) now.
		expect(refused.allowed === false && refused.retryAt).toBeGreaterThan(1_000_000 + 599_000);
		expect(await limits.used({ guildId: guild, memberId: 'm1' })).toEqual({ member: 5, guild: 3 });
		expect(await redis.pttl(keys.memberBudget('m1'))).toBeGreaterThan(599_000);
	});

	it("gives the member's reservation back when the guild refuses", async () => {
		const limits = budget(10, 2);
		expect(await limits.reserve({ guildId: guild, memberId: 'a' }, 2)).toEqual({ allowed: true });
		expect(await limits.reserve({ guildId: guild, memberId: 'b' }, 1)).toMatchObject({ allowed: false, scope: 'guild' });
		expect(await limits.used({ guildId: guild, memberId: 'b' })).toEqual({ member: 0, guild: 2 });
	});

	it('charges regenerations past the limit without refusing, once per job id', async () => {
		const limits = budget(2, 3);
		expect(await limits.reserve({ guildId: guild, memberId: 'c' }, 2)).toEqual({ allowed: true });
		expect(await limits.charge({ guildId: guild, memberId: 'c' }, 1, 'msg-1-peter-retry-1')).toBe(true);
		expect(await limits.charge({ guildId: guild, memberId: 'c' }, 1, 'msg-1-peter-retry-1')).toBe(false);
		expect(await limits.charge({ guildId: guild }, 1, 'msg-2-stewie-retry-1')).toBe(true);
		expect(await limits.used({ guildId: guild, memberId: 'c' })).toEqual({ member: 3, guild: 4 });
		expect(await limits.reserve({ guildId: guild, memberId: 'c' }, 1)).toMatchObject({ allowed: false, scope: 'member' });
	});

	it('treats a limit of 0 as no budget at all', async () => {
		const limits = budget(0, 0);
		for (let index = 0; index < 50; index += 1) expect(await limits.reserve({ guildId: guild, memberId: 'd' }, 3)).toEqual({ allowed: true });
		expect(await limits.used({ guildId: guild, memberId: 'd' })).toEqual({});
	});

	it('refuses bad options with a sentence naming the option', () => {
		expect(() => new GenerationBudget(redis, new Keyspace('x'), { memberLimit: -1, guildLimit: 0, windowSeconds: 60 })).toThrow(/memberLimit/);
		expect(() => new GenerationBudget(redis, new Keyspace('x'), { memberLimit: 1, guildLimit: 0, windowSeconds: 0 })).toThrow(/windowSeconds/);
	});
});
