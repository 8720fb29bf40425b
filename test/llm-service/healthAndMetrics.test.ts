import { describe, expect, it } from 'vitest';
import type { MetricsSummary } from '../../apps/llm-service/src/metrics/renderMetricsSummary.js';
import type { ServiceHealth } from '../../apps/llm-service/src/routes/health/describeServiceHealth.js';
import { model, useServiceFixtures } from './serviceFixture.js';

const services = useServiceFixtures();

describe('health', () => {
	it('reports hosts, the model per role, the cache and uptime; 503 with reasons when every host is down, 200 after', async () => {
		const fixture = await services.start({ sims: 2, redisUrl: services.redisUrl(), env: { REQUEST_TIMEOUT: '1' } });
		const { call, sims, service } = fixture;
		const healthy = await call<ServiceHealth>('GET', '/health');
		expect(healthy.status).toBe(200);
		expect(healthy.body).toMatchObject({ status: 'ready', ready: true, reasons: [], cache: { enabled: true, ok: true } });
		expect(healthy.body.hosts.map((host) => host.url)).toEqual(sims.map((sim) => sim.url));
		expect(healthy.body.roles.chat).toMatchObject({ model, readyHosts: sims.map((sim) => sim.url) });
		expect(healthy.body.uptime_seconds).toBeGreaterThanOrEqual(0);
		expect(await call('GET', '/healthz')).toMatchObject({ status: 200, body: { status: 'ok' } });
		expect(await call('GET', '/readyz')).toMatchObject({ status: 200, body: { status: 'ready', reasons: [] } });

		await Promise.all(sims.map((sim) => sim.setBehavior({ fault: 'refuse' })));
		await service.pool.checkHealth();
		const down = await call<ServiceHealth>('GET', '/health');
		expect(down.status).toBe(503);
		expect(down.body.status).toBe('not ready');
		expect(down.body.reasons[0]).toMatch(
			new RegExp(`^no Ollama host is ready for the chat model "${model}": ${sims[0]?.url} is down \\(.*(ECONNREFUSED|fetch failed)`),
		);
		expect((await call('GET', '/readyz')).status).toBe(503);
		expect(await call('POST', '/generate', { prompt: 'is anyone there?' })).toMatchObject({ status: 503, body: { code: 'no-host-available' } });

		await Promise.all(sims.map((sim) => sim.setBehavior({ fault: 'none' })));
		await service.pool.checkHealth();
		expect((await call('GET', '/health')).status).toBe(200);
		expect((await call('POST', '/generate', { prompt: 'is anyone there?' })).status).toBe(200);
	});

	it('stays ready without a cache, and says so', async () => {
		const fixture = await services.start();
		const health = await fixture.call<ServiceHealth>('GET', '/health');
		expect(health.status).toBe(200);
		expect(health.body.cache).toEqual({ enabled: false, ok: false, entries: null });
		expect(health.body.warnings).toContain('no response cache is configured (set CACHE_REDIS_URL or REDIS_URL)');
	});
});

describe('metrics', () => {
	it('summarises requests, cache, response time, tokens, hosts, memory and uptime as JSON', async () => {
		const fixture = await services.start({ redisUrl: services.redisUrl() });
		const { call, sims } = fixture;
		await call('POST', '/generate', { prompt: 'count me' });
		await call('POST', '/generate', { prompt: 'count me' });
		const { status, body } = await call<MetricsSummary>('GET', '/metrics');
		expect(status).toBe(200);
		expect(body).toMatchObject({ requests: 2, failures: 0, cache: { hits: 1, misses: 1, hit_rate: 0.5 }, tokens_generated: 12 });
		expect(body.hosts).toEqual({ [sims[0]?.url as string]: { served: 1, failed: 0 } });
		expect(body.average_response_time_ms).toBeGreaterThanOrEqual(0);
		expect(body.memory.rss_bytes).toBeGreaterThan(0);
		expect(body.memory.heap_used_bytes).toBeGreaterThan(0);
		expect(body.uptime_seconds).toBeGreaterThanOrEqual(0);
	});

	it('exposes Prometheus series at /metrics/prometheus and to scrapers at /metrics', async () => {
		const fixture = await services.start({ redisUrl: services.redisUrl() });
		const { call, sims } = fixture;
		await call('POST', '/generate', { prompt: 'scrape me' });
		await call('POST', '/generate', { prompt: 'scrape me' });
		await call('POST', '/generate', { prompt: '' });
		const text = await call<string>('GET', '/metrics/prometheus');
		expect(text.headers.get('content-type')).toContain('text/plain');
		expect(text.body).toContain(`charbot_llm_requests_total{role="chat",model="${model}",outcome="ok",source="upstream"} 1`);
		expect(text.body).toContain(`charbot_llm_requests_total{role="chat",model="${model}",outcome="ok",source="cache"} 1`);
		expect(text.body).toContain(`charbot_llm_host_attempts_total{host="${sims[0]?.url}",model="${model}",outcome="ok"} 1`);
		expect(text.body).toContain('charbot_llm_cache_events_total{event="hit"} 1');
		expect(text.body).toContain('charbot_llm_service_http_requests_total{method="POST",route="/generate",status="200"} 2');
		expect(text.body).toContain('charbot_llm_service_http_requests_total{method="POST",route="/generate",status="400"} 1');
		expect(text.body).toMatch(/charbot_llm_service_http_request_duration_seconds_count\{method="POST",route="\/generate"\} 3/);
		expect(text.body).toContain('process_resident_memory_bytes');
		const scraped = await call<string>('GET', '/metrics', undefined, { accept: 'text/plain;version=0.0.4;q=0.4,*/*;q=0.1' });
		expect(scraped.body).toContain('charbot_llm_requests_total');
	});
});
