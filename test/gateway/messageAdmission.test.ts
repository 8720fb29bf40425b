import { GenerationBudget } from '@charbot/stores';
import { MessageAdmission } from '../../apps/gateway/src/intake/MessageAdmission.js';
import { Keyspace, ManualClock } from '@charbot/core';
import { uniquePrefix } from '@charbot/testkit';
import { type StoreRedis, startStoreRedis } from '../stores/startStoreRedis.js';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const guild = '111111111111111111';
const channel = '333333333333333333';
const otherChannel = '444444444444444444';

describe('MessageAdmission on a real redis-server', () => {
	let store: StoreRedis;
	let redis: Redis;

	beforeAll(async () => {
		store = await startStoreRedis();
		redis = store.redis;
	});
	afterAll(async () => {
		await store?.close();
	});
	const open = (memberLimit: number, guildLimit: number) => {
		const keys = new Keyspace(uniquePrefix('admission'));
		const budget = new GenerationBudget(redis, keys, { memberLimit, guildLimit, windowSeconds: 600, clock: new ManualClock(1_000_000) });
		return { keys, budget, admission: new MessageAdmission(redis, keys, budget) };
	};
	const message = (authorId: string, overrides: Partial<Parameters<MessageAdmission['admit']>[0]> = {}) => ({
		guildId: guild,
		channelId: channel,
		authorId,
		userCooldownSeconds: 5,
		channelCooldownSeconds: 0,
		generations: 1,
		chargeMember: true,
		...overrides,
	});

	it("starts the member's cooldown, then the channel's, and sets the turn only for an admitted message", async () => {
		const { keys, admission, budget } = open(10, 100);
		const turn = (value: string) => ({ key: keys.channelTurn(guild, channel), value, ttlSeconds: 60 });
		expect(await admission.admit(message('a', { channelCooldownSeconds: 3, turn: turn('m1') }))).toEqual({ admitted: true });
		expect(await redis.pttl(keys.cooldown(guild, 'user', 'a'))).toBeGreaterThan(4000);
		expect(await redis.pttl(keys.cooldown(guild, 'channel', channel))).toBeGreaterThan(2000);
		expect(await redis.get(keys.channelTurn(guild, channel))).toBe('m1');
		expect(await admission.admit(message('a', { turn: turn('m2') }))).toEqual({ admitted: false, reason: 'user-cooldown' });
		// The member's cooldown is taken before the channel's holds the message back, as the steps did one by one.
		expect(await admission.admit(message('b', { channelCooldownSeconds: 3, turn: turn('m3') }))).toEqual({ admitted: false, reason: 'channel-cooldown' });
		expect(await redis.exists(keys.cooldown(guild, 'user', 'b'))).toBe(1);
		expect(await redis.get(keys.channelTurn(guild, channel))).toBe('m1');
		expect(await budget.used({ guildId: guild, memberId: 'a' })).toEqual({ member: 1, guild: 1 });
		expect(await budget.used({ guildId: guild, memberId: 'b' })).toEqual({ member: 0, guild: 1 });
	});

	it('reserves all of a message or none of it, says which budget refused and when its window ends', async () => {
		const { admission, budget } = open(3, 4);
		expect(await admission.admit(message('c', { userCooldownSeconds: 0, generations: 2 }))).toEqual({ admitted: true });
		expect(await admission.admit(message('c', { userCooldownSeconds: 0, generations: 2 }))).toEqual({
			admitted: false,
			reason: 'budget',
			scope: 'member',
			retryAt: expect.any(Number),
		});
		const refused = await admission.admit(message('d', { userCooldownSeconds: 0, generations: 3 }));
		expect(refused).toMatchObject({ admitted: false, reason: 'budget', scope: 'guild' });
		expect(refused.admitted === false && refused.reason === 'budget' && refused.retryAt).toBeGreaterThan(1_000_000 + 599_000);
		// The guild's refusal left the member's counter as it was: nothing of the message was counted.
		expect(await budget.used({ guildId: guild, memberId: 'd' })).toEqual({ member: 0, guild: 2 });
		// A character chiming in is charged to the guild only; a member who reserved already reserves nothing.
		expect(await admission.admit(message('c', { userCooldownSeconds: 0, generations: 2, chargeMember: false }))).toEqual({ admitted: true });
		expect(await admission.admit(message('c', { userCooldownSeconds: 0, generations: 0 }))).toEqual({ admitted: true });
		expect(await budget.used({ guildId: guild, memberId: 'c' })).toEqual({ member: 2, guild: 4 });
	});

	it('admits DMs without a guild budget or a turn, and with every budget off', async () => {
		const { admission, budget, keys } = open(1, 0);
		expect(await admission.admit(message('e', { guildId: null, channelId: otherChannel }))).toEqual({ admitted: true });
		expect(await redis.exists(keys.cooldown(null, 'user', 'e'))).toBe(1);
		expect(await admission.admit(message('e', { guildId: null, userCooldownSeconds: 0 }))).toMatchObject({ admitted: false, scope: 'member' });
		expect(await budget.used({ guildId: null, memberId: 'e' })).toEqual({ member: 1 });
		const off = open(0, 0);
		for (let index = 0; index < 5; index += 1)
			expect(await off.admission.admit(message('f', { userCooldownSeconds: 0, generations: 3 }))).toEqual({ admitted: true });
	});
});
