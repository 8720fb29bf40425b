import { startHealthServer } from '@charbot/core';
import { describe, expect, it } from 'vitest';

describe('startHealthServer', () => {
	it('answers on IPv4 and IPv6 loopback alike, with each check in the body', async () => {
		let redisUp = true;
		const server = await startHealthServer({
			port: 0,
			checks: { redis: () => ({ ok: redisUp, detail: redisUp ? 'PONG' : 'connection refused' }), slow: () => new Promise(() => {}) },
			checkTimeoutMs: 100,
			metrics: async () => ({ contentType: 'text/plain; version=0.0.4', body: 'charbot_up 1\n' }),
		});
		try {
			for (const host of ['127.0.0.1', '[::1]']) {
				const health = await fetch(`http://${host}:${server.port}/healthz`);
				expect(health.status).toBe(200);
			}
			const notReady = await fetch(`${server.url}/readyz`);
			expect(notReady.status).toBe(503);
			expect(await notReady.json()).toEqual({
				status: 'not ready',
				checks: { redis: { ok: true, detail: 'PONG' }, slow: { ok: false, detail: 'check did not answer within 100 ms' } },
			});
			redisUp = false;
			const body = (await (await fetch(`${server.url}/readyz`)).json()) as { checks: Record<string, { ok: boolean }> };
			expect(body.checks.redis?.ok).toBe(false);
			const metrics = await fetch(`${server.url}/metrics`);
			expect(await metrics.text()).toBe('charbot_up 1\n');
			expect((await fetch(`${server.url}/nope`)).status).toBe(404);
		} finally {
			await server.close();
		}
	});

	it('turns not-ready while stopping', async () => {
		const server = await startHealthServer({ port: 0 });
		try {
			expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
			server.markStopping();
			const response = await fetch(`${server.url}/readyz`);
			expect(response.status).toBe(503);
			expect(await response.json()).toMatchObject({ checks: { shutdown: { ok: false } } });
		} finally {
			await server.close();
		}
	});
});
