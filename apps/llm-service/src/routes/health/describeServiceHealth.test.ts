import type { HostHealth, PoolHealth } from '@charbot/llm';
import { describe, expect, it } from 'vitest';
import { describeServiceHealth } from './describeServiceHealth.js';

const host = (overrides: Partial<HostHealth>): HostHealth => ({
	url: 'http://a:11434',
	kind: 'ollama',
	alive: true,
	circuit: 'closed',
	error: undefined,
	models: ['llama3.2:1b'],
	loaded: [],
	inFlight: 0,
	maxParallel: 4,
	served: 0,
	failed: 0,
	msPerToken: undefined,
	...overrides,
});

const pool = (overrides: Partial<PoolHealth>): PoolHealth => ({
	ready: true,
	hosts: [host({})],
	roles: {
		chat: { model: 'llama3.2:1b', readyHosts: ['http://a:11434'], warmHosts: [] },
		judge: { model: 'llama3.2:1b', readyHosts: ['http://a:11434'], warmHosts: [] },
	},
	cache: { enabled: true, ok: true, entries: 3 },
	...overrides,
});

describe('describeServiceHealth', () => {
	it('is ready with no reasons when a host serves the chat model', () => {
		const health = describeServiceHealth(pool({}), { uptimeSeconds: 12.34, stopping: false });
		expect(health).toMatchObject({ status: 'ready', ready: true, reasons: [], warnings: [], uptime_seconds: 12.3, cache: { entries: 3 } });
		expect(health.hosts[0]).toMatchObject({ url: 'http://a:11434', kind: 'ollama', in_flight: 0, max_parallel: 4, error: null, ms_per_token: null });
	});

	it('names each host and why it cannot serve when nothing is ready', () => {
		const health = describeServiceHealth(
			pool({
				ready: false,
				hosts: [host({ alive: false, error: 'connect ECONNREFUSED' }), host({ url: 'http://b:11434', models: ['qwen2.5:0.5b'] })],
				roles: { chat: { model: 'llama3.2:1b', readyHosts: [], warmHosts: [] } },
			}),
			{ uptimeSeconds: 1, stopping: false },
		);
		expect(health.status).toBe('not ready');
		expect(health.reasons).toEqual([
			'no Ollama host is ready for the chat model "llama3.2:1b": http://a:11434 is down (connect ECONNREFUSED); http://b:11434 does not have "llama3.2:1b"',
		]);
	});

	it('warns, without turning unready, about a role without hosts or a cache that does not answer; turns unready when stopping', () => {
		const health = describeServiceHealth(
			pool({
				roles: { chat: { model: 'a', readyHosts: ['http://a:11434'], warmHosts: [] }, judge: { model: 'big', readyHosts: [], warmHosts: [] } },
				cache: { enabled: true, ok: false, entries: undefined },
			}),
			{ uptimeSeconds: 1, stopping: true },
		);
		expect(health.warnings).toEqual(['no Ollama host is ready for the judge model "big"', 'the response cache does not answer; generating without it']);
		expect(health).toMatchObject({ ready: false, reasons: ['the service is shutting down'] });
	});
});
