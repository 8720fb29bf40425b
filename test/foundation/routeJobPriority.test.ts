import { createLogger, createRedisConnection, Keyspace, ManualClock, waitForRedisReady } from '@charbot/core';
import { MaxJobPriority, routeJobPriority, routeLoadScope } from '@charbot/contracts';
import { type RedisServer, startRedisServer, uniquePrefix } from '@charbot/testkit';
import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const logger = createLogger({ name: 'test', level: 'silent', format: 'json' });
const busyGuild = '111111111111111111';
const quietGuild = '222222222222222222';
const member = (id: string, guildId: string | null) => ({ guildId, author: { id } });

describe('routeJobPriority', () => {
	let server: RedisServer;
	let redis: Redis;
	let queue: Queue;

	beforeAll(async () => {
		server = await startRedisServer();
		redis = createRedisConnection({ url: server.url, role: 'producer', logger });
		await waitForRedisReady(redis);
		queue = new Queue('route', { connection: redis, prefix: new Keyspace(uniquePrefix()).queuePrefix('route') });
	});
	afterAll(async () => {
		await queue?.close();
		redis?.disconnect();
		await server?.close();
	});

	it("numbers a guild's jobs by its recent load, each guild (and each DM member) on its own count", async () => {
		const clock = new ManualClock(1_000_000_000_000);
		const busy = [];
		for (let index = 0; index < 5; index += 1) busy.push(await routeJobPriority(queue, member('1', busyGuild), { clock }));
		expect(busy).toEqual([1, 2, 3, 4, 5]);
		expect(await routeJobPriority(queue, member('2', quietGuild), { clock })).toBe(1);
		expect([await routeJobPriority(queue, member('3', null), { clock }), await routeJobPriority(queue, member('3', null), { clock })]).toEqual([1, 2]);
		expect(await routeJobPriority(queue, member('4', null), { clock })).toBe(1);
		expect(routeLoadScope(member('3', null))).toBe('dm-3');
	});

	it('lets the load of past windows fade: half a window on, the last window weighs half', async () => {
		const guild = '333333333333333333';
		const windowMs = 60_000;
		const start = 1_700_000_040_000 - (1_700_000_040_000 % windowMs);
		const clock = new ManualClock(start + 1000);
		for (let index = 0; index < 10; index += 1) await routeJobPriority(queue, member('5', guild), { clock });
		// Half-way through the next window: 10 × 0.5 from the last one, nothing yet in this one.
		clock.advance(windowMs * 1.5 - 1000);
		expect(await routeJobPriority(queue, member('5', guild), { clock })).toBe(6);
		// Two windows on, nothing counts any more but the job just added.
		clock.advance(windowMs * 1.5);
		expect(await routeJobPriority(queue, member('5', guild), { clock })).toBe(1);
	});

	it('never passes BullMQ’s limit', async () => {
		const guild = '444444444444444444';
		const clock = new ManualClock(1_800_000_000_000);
		const key = queue.toKey(`fair:${guild}:${Math.floor(clock.now() / 60_000)}`);
		await redis.set(key, String(MaxJobPriority + 10), 'EX', 120);
		expect(await routeJobPriority(queue, member('6', guild), { clock })).toBe(MaxJobPriority);
	});

	it("runs a quiet guild's job before the backlog of a busy one when the priorities go on real BullMQ jobs", async () => {
		const prefix = new Keyspace(uniquePrefix()).queuePrefix('route');
		const ordered = new Queue('route', { connection: redis, prefix });
		const add = async (name: string, guildId: string) =>
			ordered.add(name, {}, { priority: await routeJobPriority(ordered, member('7', guildId)), removeOnComplete: true });
		for (let index = 0; index < 6; index += 1) await add(`busy-${index}`, busyGuild);
		await add('quiet-0', quietGuild);
		await add('quiet-1', quietGuild);
		const order: string[] = [];
		const worker = new Worker(
			'route',
			async (job) => {
				order.push(job.name);
			},
			{ connection: createRedisConnection({ url: server.url, role: 'worker', logger }), prefix, concurrency: 1 },
		);
		try {
			await new Promise<void>((resolve) => worker.on('drained', resolve));
			expect(order).toEqual(['busy-0', 'quiet-0', 'busy-1', 'quiet-1', 'busy-2', 'busy-3', 'busy-4', 'busy-5']);
		} finally {
			await worker.close();
			await ordered.close();
		}
	});
});
