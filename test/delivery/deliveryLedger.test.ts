import { Keyspace } from '@charbot/core';
import { DeliveryLedger } from '../../apps/delivery/src/ledger/DeliveryLedger.js';
import { uniquePrefix } from '@charbot/testkit';
import { type StoreRedis, startStoreRedis } from '../stores/startStoreRedis.js';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

let store: StoreRedis;
let redis: Redis;
let ledger: DeliveryLedger;
const guildId = '100000000000000001';

beforeAll(async () => {
	store = await startStoreRedis();
	redis = store.redis;
});
afterAll(async () => {
	await store?.close();
});
beforeEach(() => {
	ledger = new DeliveryLedger(redis, new Keyspace(uniquePrefix()));
});

describe('DeliveryLedger after an attempt that died', () => {
	it('tells the attempt that claims a part after an unrecorded claim ran out when that claim began', async () => {
		const fresh = await ledger.claim(guildId, 'msg-1-peter', 0, 50);
		expect(fresh?.earlierAttemptAt, 'nobody tried this part before').toBeUndefined();
		await new Promise((resolve) => setTimeout(resolve, 120));
		const next = await ledger.claim(guildId, 'msg-1-peter', 0, 60_000);
		expect(next?.earlierAttemptAt).toBeGreaterThan(Date.now() - 5000);
		expect(next?.earlierAttemptAt).toBeLessThanOrEqual(Date.now());
		expect(await ledger.claimRemainingMs(guildId, 'msg-1-peter', 0)).toBeGreaterThan(50_000);
	});

	it('keeps a released claim as an earlier attempt (its post may have reached Discord), but a recorded post ends it', async () => {
		const first = await ledger.claim(guildId, 'msg-2-peter', 0, 60_000);
		await ledger.release(first as NonNullable<typeof first>);
		expect(await ledger.claimRemainingMs(guildId, 'msg-2-peter', 0), 'a released claim holds nobody back').toBe(0);
		const second = await ledger.claim(guildId, 'msg-2-peter', 0, 60_000);
		expect(second?.earlierAttemptAt).toBeTypeOf('number');
		await ledger.record(guildId, 'msg-2-peter', 0, '400000000000000001');
		expect(await ledger.claim(guildId, 'msg-2-peter', 0, 60_000), 'a posted part is never claimed again').toBeUndefined();
	});

	it('adopts a message found in the channel for the claimed part, unless another part recorded it', async () => {
		await ledger.record(guildId, 'msg-3-peter', 0, '400000000000000003');
		const claim = await ledger.claim(guildId, 'msg-4-peter', 0, 60_000);
		const held = claim as NonNullable<typeof claim>;
		expect(await ledger.adopt(held, '400000000000000003'), 'the same text posted for another reply').toBe(false);
		expect(await ledger.adopt(held, '400000000000000004')).toBe(true);
		expect(await ledger.posted(guildId, 'msg-4-peter', 0), 'the part stays claimed until the attempt records it').toBeUndefined();
		const other = await ledger.claim(guildId, 'msg-5-peter', 0, 60_000);
		expect(await ledger.adopt(other as NonNullable<typeof other>, '400000000000000004'), 'now it is taken').toBe(false);
		await ledger.record(guildId, 'msg-4-peter', 0, '400000000000000004');
		expect(await ledger.claimUnlessPosted(guildId, 'msg-4-peter', 0, 60_000)).toEqual({ kind: 'posted', messageId: '400000000000000004' });
	});

	it('claims, or says in the same answer that the part was posted or how long another attempt holds it', async () => {
		const first = await ledger.claimUnlessPosted(guildId, 'msg-7-peter', 0, 60_000);
		expect(first).toMatchObject({ kind: 'claimed', claim: { jobId: 'msg-7-peter', part: 0 } });
		const held = await ledger.claimUnlessPosted(guildId, 'msg-7-peter', 0, 60_000);
		expect(held.kind).toBe('held');
		expect(held.kind === 'held' && held.remainingMs).toBeGreaterThan(50_000);
		const beside = `${uniquePrefix()}:written-beside`;
		await ledger.record(guildId, 'msg-7-peter', 0, '400000000000000007', (transaction) => transaction.set(beside, 'msg-7'));
		expect(await ledger.claimUnlessPosted(guildId, 'msg-7-peter', 0, 60_000)).toEqual({ kind: 'posted', messageId: '400000000000000007' });
		expect(await redis.get(beside), "a caller's write in the recording transaction").toBe('msg-7');
	});

	it('does not let an attempt whose claim was taken over adopt a message', async () => {
		const stale = await ledger.claim(guildId, 'msg-6-peter', 0, 30);
		await new Promise((resolve) => setTimeout(resolve, 80));
		const current = await ledger.claim(guildId, 'msg-6-peter', 0, 60_000);
		expect(current).toBeDefined();
		expect(await ledger.adopt(stale as NonNullable<typeof stale>, '400000000000000006')).toBe(false);
	});
});
