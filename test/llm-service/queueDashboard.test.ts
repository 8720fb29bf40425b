import { ConfigError, createRedisConnection, Keyspace, QueueName, waitForRedisReady } from '@charbot/core';
import { type RedisServer, startRedisServer, uniquePrefix } from '@charbot/testkit';
import { Queue } from 'bullmq';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ServiceFixture, startServiceFixture } from './serviceFixture.js';

const user = 'dashboard-operator';
const password = 'correct-horse-battery';

/** An `Authorization: Basic` header. */
function basic(name: string, secret: string): Record<string, string> {
	return { authorization: `Basic ${Buffer.from(`${name}:${secret}`).toString('base64')}` };
}

interface QueuesAnswer {
	readonly queues: readonly { readonly name: string; readonly counts: Record<string, number> }[];
}

let redis: RedisServer;
let fixture: ServiceFixture | undefined;

beforeAll(async () => {
	redis = await startRedisServer();
});
afterAll(async () => {
	await redis?.close();
});
afterEach(async () => {
	await fixture?.close();
	fixture = undefined;
});

describe('the queue dashboard at /admin/queues', () => {
	it('is not mounted without credentials', async () => {
		fixture = await startServiceFixture({ env: { REDIS_URL: redis.url } });
		expect((await fixture.call('GET', '/admin/queues')).status).toBe(404);
		expect((await fixture.call('GET', '/admin/queues/api/queues', undefined, basic(user, password))).status).toBe(404);
	});

	it('refuses to start with one credential set and not the other, naming both', async () => {
		const attempt = startServiceFixture({ env: { REDIS_URL: redis.url, QUEUE_DASHBOARD_USER: user } });
		await expect(attempt).rejects.toThrow(ConfigError);
		await expect(attempt).rejects.toThrow(/QUEUE_DASHBOARD_PASSWORD[\s\S]*QUEUE_DASHBOARD_USER/);
	});

	it('answers 401 without or with wrong basic auth, and lists the three queues with counts with it', async () => {
		const prefix = uniquePrefix('dash');
		fixture = await startServiceFixture({
			env: { REDIS_URL: redis.url, REDIS_KEY_PREFIX: prefix, QUEUE_DASHBOARD_USER: user, QUEUE_DASHBOARD_PASSWORD: password },
		});
		const { call } = fixture;
		const refused = await call('GET', '/admin/queues');
		expect(refused.status).toBe(401);
		expect(refused.headers.get('www-authenticate')).toContain('Basic');
		expect((await call('GET', '/admin/queues/api/queues', undefined, basic(user, 'wrong-password-123'))).status).toBe(401);
		expect((await call('GET', '/admin/queues/api/queues', undefined, basic('someone-else-entirely', password))).status).toBe(401);

		const connection = createRedisConnection({ url: redis.url, role: 'producer' });
		const route = new Queue(QueueName.Route, { connection, prefix: new Keyspace(prefix).queuePrefix() });
		try {
			await waitForRedisReady(connection);
			await route.add('message', { dashboard: 'probe' }, { delay: 60_000 });
		} finally {
			await route.close();
			connection.disconnect();
		}
		const page = await call<string>('GET', '/admin/queues', undefined, basic(user, password));
		expect(page.status).toBe(200);
		expect(page.headers.get('content-type')).toContain('text/html');
		const { status, body } = await call<QueuesAnswer>('GET', '/admin/queues/api/queues', undefined, basic(user, password));
		expect(status).toBe(200);
		expect(body.queues.map((queue) => queue.name).sort()).toEqual([QueueName.Deliver, QueueName.Review, QueueName.Route]);
		const counts = Object.fromEntries(body.queues.map((queue) => [queue.name, queue.counts]));
		expect(counts[QueueName.Route]).toMatchObject({ delayed: 1, active: 0, waiting: 0 });
		expect(counts[QueueName.Review]).toMatchObject({ delayed: 0, active: 0, waiting: 0 });
	});
});
