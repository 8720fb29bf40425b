import { ConfigError, createRedisConnection, Keyspace, waitForRedisReady } from '@charbot/core';
import { QueueName } from '@charbot/contracts';
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
		const route = new Queue(QueueName.Route, { connection, prefix: new Keyspace(prefix).queuePrefix(QueueName.Route) });
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

describe('the queue dashboard’s defences', () => {
	const interactionToken = `aW50ZXJhY3Rpb246OjEyMzQ1Njc4OTAxMjM0NTY3ODp${'x'.repeat(40)}`;
	const webhookToken = 'wEbHoOk_ToKeN-abcdefghijklmnopqrstuvwxyz0123456789';

	/** Starts the service with the dashboard on a fresh prefix, with one delayed route job carrying tokens. */
	async function startWithJob(env: Record<string, string> = {}) {
		const prefix = uniquePrefix('dash');
		fixture = await startServiceFixture({
			env: { REDIS_URL: redis.url, REDIS_KEY_PREFIX: prefix, QUEUE_DASHBOARD_USER: user, QUEUE_DASHBOARD_PASSWORD: password, ...env },
		});
		const connection = createRedisConnection({ url: redis.url, role: 'producer' });
		const route = new Queue(QueueName.Route, { connection, prefix: new Keyspace(prefix).queuePrefix(QueueName.Route) });
		try {
			await waitForRedisReady(connection);
			const job = await route.add(
				'message',
				{
					interaction: { id: '123456789012345678', applicationId: '223456789012345678', interactionToken },
					note: `failed at https://discord.com/api/v10/webhooks/323456789012345678/${webhookToken}?wait=true`,
				},
				{ delay: 60_000 },
			);
			return { jobId: job.id ?? '', call: fixture.call };
		} finally {
			await route.close();
			connection.disconnect();
		}
	}

	/** A raw request with the dashboard's credentials and the given headers and body. */
	async function raw(method: string, path: string, headers: Record<string, string>, body?: string) {
		const response = await fetch(`${fixture?.service.url}${path}`, {
			method,
			headers: { ...basic(user, password), ...headers },
			...(body === undefined ? {} : { body }),
		});
		return { status: response.status, text: await response.text() };
	}

	it('masks interaction and webhook tokens in the job data it shows', async () => {
		const { jobId, call } = await startWithJob();
		const listed = await call<string>(
			'GET',
			`/admin/queues/api/queues?activeQueue=${QueueName.Route}&status=delayed&page=1&jobsPerPage=10`,
			undefined,
			basic(user, password),
		);
		const one = await call<string>('GET', `/admin/queues/api/queues/${QueueName.Route}/${jobId}`, undefined, basic(user, password));
		for (const answer of [listed, one]) {
			expect(answer.status).toBe(200);
			const text = JSON.stringify(answer.body);
			expect(text).toContain('123456789012345678');
			expect(text).toContain('[redacted]');
			expect(text).not.toContain(interactionToken);
			expect(text).not.toContain(webhookToken);
		}
	});

	it('is read-only by default: no pause, retry or removal, and no job added', async () => {
		const { jobId, call } = await startWithJob();
		expect((await call('PUT', `/admin/queues/api/queues/${QueueName.Route}/pause`, {}, basic(user, password))).status).toBe(405);
		expect((await call('PUT', `/admin/queues/api/queues/${QueueName.Route}/${jobId}/clean`, {}, basic(user, password))).status).toBe(405);
		const added = await call(
			'POST',
			`/admin/queues/api/queues/${QueueName.Deliver}/add`,
			{ name: 'deliver', data: { text: 'unreviewed' } },
			basic(user, password),
		);
		expect([403, 405]).toContain(added.status);
	});

	it('with writes on, pauses from its own page but never adds or edits jobs', async () => {
		const { jobId, call } = await startWithJob({ QUEUE_DASHBOARD_WRITES: 'true' });
		const host = new URL(fixture?.service.url ?? '').host;
		const added = await call(
			'POST',
			`/admin/queues/api/queues/${QueueName.Deliver}/add`,
			{ name: 'deliver', data: { text: 'unreviewed' } },
			basic(user, password),
		);
		expect(added.status).toBe(403);
		const edited = await call('PATCH', `/admin/queues/api/queues/${QueueName.Route}/${jobId}/update-data`, { jobData: { text: 'x' } }, basic(user, password));
		expect(edited.status).toBe(403);
		const paused = await raw('PUT', `/admin/queues/api/queues/${QueueName.Route}/pause`, { origin: `http://${host}`, 'sec-fetch-site': 'same-origin' });
		expect(paused.status).toBe(200);
	});

	it('refuses cross-site and non-JSON writes: the forms another site could post', async () => {
		await startWithJob({ QUEUE_DASHBOARD_WRITES: 'true' });
		const path = `/admin/queues/api/queues/${QueueName.Route}/pause`;
		expect((await raw('PUT', path, { origin: 'https://evil.example' })).status).toBe(403);
		expect((await raw('PUT', path, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
		const host = new URL(fixture?.service.url ?? '').host;
		const textPlain = await raw('PUT', path, { origin: `http://${host}`, 'content-type': 'text/plain' }, '{"a":1}');
		expect(textPlain.status).toBe(415);
		expect((await raw('PUT', path, { 'content-type': 'application/x-www-form-urlencoded' }, 'a=1')).status).toBe(415);
		const form = await raw('POST', `/admin/queues/api/queues/${QueueName.Deliver}/add`, { 'content-type': 'text/plain' }, '{"name":"deliver","data":{}}');
		expect(form.status).toBe(415);
	});
});
