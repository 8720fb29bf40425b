import { createLogger, type HealthServer, startHealthServer } from '@charbot/core';
import { afterEach, describe, expect, it } from 'vitest';
import { waitForApps } from './waitForApps.js';

const logger = createLogger({ name: 'test', level: 'silent', format: 'json' });
const servers: HealthServer[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe('waitForApps', () => {
	it('waits for every /readyz to answer 200 and reports the failing checks of those still waiting', async () => {
		let redisUp = false;
		const ready = await startHealthServer({ port: 0, host: '127.0.0.1', logger, checks: { redis: () => ({ ok: true }) } });
		const late = await startHealthServer({
			port: 0,
			host: '127.0.0.1',
			logger,
			checks: { redis: () => ({ ok: redisUp, detail: redisUp ? 'up' : 'connection refused' }) },
		});
		servers.push(ready, late);
		const reports: string[] = [];
		const waiting = waitForApps({
			apps: [
				{ name: 'gateway', readyUrl: `${ready.url}/readyz` },
				{ name: 'message-router', readyUrl: `${late.url}/readyz` },
			],
			signal: new AbortController().signal,
			intervalMs: 20,
			slowAfterMs: 100,
			onSlow: (apps) => {
				reports.push(apps.map((app) => `${app.name}: ${app.reason}`).join(', '));
				redisUp = true;
			},
		});
		expect(await waiting).toBe(true);
		expect(reports).toEqual(['message-router: redis: connection refused']);
	});

	it('gives up with false when the platform stops first', async () => {
		const stopping = new AbortController();
		const waiting = waitForApps({
			apps: [{ name: 'gateway', readyUrl: 'http://127.0.0.1:9/readyz' }],
			signal: stopping.signal,
			intervalMs: 20,
			onSlow: () => {},
		});
		stopping.abort();
		expect(await waiting).toBe(false);
	});
});
