// Who can reach the LLM service and what it records for them: where it listens, the admin and generation
// tokens, production's refusal to start without an admin token, and models it does not serve.
import { networkInterfaces } from 'node:os';
import { ConfigError, loadConfig } from '@charbot/core';
import { startOllamaSim } from '@charbot/ollama-sim';
import { Ollama } from 'ollama';
import { describe, expect, it } from 'vitest';
import { type FieldIssue } from '../../apps/llm-service/src/http/FieldIssue.js';
import { type ModelValidationAnswer } from '../../apps/llm-service/src/routes/admin/renderModelValidation.js';
import { startLlmService } from '../../apps/llm-service/src/startLlmService.js';
import { captureError, chatRequests, model, testLogger, useServiceFixtures } from './serviceFixture.js';

type ErrorBody = { error: string; code: string; issues?: FieldIssue[] };

const services = useServiceFixtures();
const adminToken = 'admin-token-for-the-access-tests';
const generationToken = 'generation-token-for-the-access-tests';
/** An IPv4 address of this machine that is not loopback, when it has one. */
const networkAddress = Object.values(networkInterfaces())
	.flat()
	.find((entry) => entry?.family === 'IPv4' && !entry.internal)?.address;

async function reachable(url: string): Promise<boolean> {
	const response = await fetch(url, { signal: AbortSignal.timeout(2000) }).catch(() => undefined);
	return response?.status === 200;
}

/** The charbot series of a Prometheus text (name and labels, no value): what a scrape stores. */
function charbotSeries(text: string): string[] {
	return text
		.split('\n')
		.filter((line) => line.startsWith('charbot_'))
		.map((line) => line.slice(0, line.lastIndexOf(' ')))
		.sort();
}

describe('where the LLM service listens', () => {
	it.skipIf(networkAddress === undefined)('binds 127.0.0.1 by default: loopback answers, the machine’s network address does not', async () => {
		const { service } = await services.start();
		expect(service.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(await reachable(`http://127.0.0.1:${service.port}/healthz`)).toBe(true);
		expect(await reachable(`http://${networkAddress}:${service.port}/healthz`)).toBe(false);
	});

	it.skipIf(networkAddress === undefined)('listens where LLM_SERVICE_HOST says, e.g. every IPv4 address for compose', async () => {
		const { service } = await services.start({ env: { LLM_SERVICE_HOST: '0.0.0.0' } });
		expect(await reachable(`http://${networkAddress}:${service.port}/healthz`)).toBe(true);
	});
});

describe('the admin routes', () => {
	it('are closed (403) when no admin token is set, and start nothing', async () => {
		const fixture = await services.start({ redisUrl: services.redisUrl() });
		for (const [path, body] of [
			['/validate-model', { model }],
			['/cache/clear', { scope: 'all' }],
		] as const) {
			const refused = await fixture.call<ErrorBody>('POST', path, body);
			expect(refused, path).toMatchObject({ status: 403, body: { code: 'forbidden', error: expect.stringContaining('LLM_SERVICE_ADMIN_TOKEN') } });
		}
		expect(chatRequests(fixture.sims[0])).toBe(0);
	});

	it('need the admin token when one is set: 401 without it or with a wrong one', async () => {
		const fixture = await services.start({ redisUrl: services.redisUrl(), env: { LLM_SERVICE_ADMIN_TOKEN: adminToken } });
		const { call } = fixture;
		for (const [path, body] of [
			['/validate-model', { model }],
			['/cache/clear', { scope: 'all' }],
		] as const) {
			const refused = await call<ErrorBody>('POST', path, body);
			expect(refused, path).toMatchObject({ status: 401, body: { code: 'unauthorized' } });
			expect(refused.headers.get('www-authenticate'), path).toContain('Bearer');
			expect((await call('POST', path, body, { authorization: 'Bearer not-the-admin-token' })).status, path).toBe(401);
		}
		expect(chatRequests(fixture.sims[0])).toBe(0);
		const admin = { authorization: `Bearer ${adminToken}` };
		const validated = await call<ModelValidationAnswer>('POST', '/validate-model', { model }, admin);
		expect(validated).toMatchObject({ status: 200, body: { model, available: true } });
		expect(await call('POST', '/cache/clear', { scope: 'all' }, admin)).toMatchObject({ status: 200, body: { cache_enabled: true } });
	});

	it('in production, the service does not start without LLM_SERVICE_ADMIN_TOKEN, and names it', async () => {
		const sim = await startOllamaSim({ name: 'production', models: [model], preloaded: true });
		try {
			const config = loadConfig({ NODE_ENV: 'production', OLLAMA_BASE_URL: sim.url, OLLAMA_MODEL: model, HEALTH_PORT: '0', LOG_LEVEL: 'silent' });
			const refused = await captureError(startLlmService({ config, logger: testLogger }));
			expect(refused).toBeInstanceOf(ConfigError);
			expect((refused as unknown as ConfigError).problems.map((problem) => problem.variable)).toContain('LLM_SERVICE_ADMIN_TOKEN');
			expect(refused.message).toMatch(/LLM_SERVICE_ADMIN_TOKEN: is required when NODE_ENV=production/);
			// Refused before the pool was built: the host was never asked anything.
			expect(sim.stats().requests.total).toBe(0);
		} finally {
			await sim.close();
		}
	});
});

describe('the generation token (LLM_SERVICE_TOKEN)', () => {
	it('when set, /generate and the Ollama-compatible routes need it; health and metrics stay open', async () => {
		const fixture = await services.start({ env: { LLM_SERVICE_TOKEN: generationToken } });
		const { call, service, sims } = fixture;
		expect(await call<ErrorBody>('POST', '/generate', { prompt: 'hi' })).toMatchObject({ status: 401, body: { code: 'unauthorized' } });
		expect((await call('POST', '/generate', { prompt: 'hi' }, { authorization: 'Bearer wrong-generation-token' })).status).toBe(401);
		const anonymous = new Ollama({ host: service.url });
		expect((await captureError(anonymous.chat({ model, messages: [{ role: 'user', content: 'hi' }] }))).status_code).toBe(401);
		expect((await captureError(anonymous.list())).status_code).toBe(401);
		expect(chatRequests(sims[0])).toBe(0);

		const authorized = { authorization: `Bearer ${generationToken}` };
		expect((await call('POST', '/generate', { prompt: 'hi', use_cache: false }, authorized)).status).toBe(200);
		const client = new Ollama({ host: service.url, headers: authorized });
		expect(await client.chat({ model, messages: [{ role: 'user', content: 'hi' }] })).toMatchObject({ done: true, model });
		expect((await client.list()).models.map((entry) => entry.name)).toContain(model);
		expect(chatRequests(sims[0])).toBe(2);

		for (const path of ['/healthz', '/readyz', '/health', '/metrics']) expect((await call('GET', path)).status, path).toBe(200);
	});
});

describe('models the service does not serve', () => {
	it('are refused with a 400 naming the model, before any host call, cache lookup or metric', async () => {
		const fixture = await services.start({ redisUrl: services.redisUrl() });
		const { call, ollama, sims } = fixture;
		const metricsBefore = await (await fetch(`${fixture.service.url}/metrics/prometheus`)).text();
		const refused = await call<ErrorBody>('POST', '/generate', { prompt: 'hi', model: 'nope:7b' });
		expect(refused).toMatchObject({ status: 400, body: { code: 'invalid-request', issues: [{ field: 'model' }] } });
		expect(refused.body.error).toContain('"nope:7b"');
		expect(refused.body.error).toContain(model);
		const viaOllama = await captureError(ollama.chat({ model: 'nope:7b', messages: [{ role: 'user', content: 'hi' }] }));
		expect(viaOllama.status_code).toBe(400);
		expect(viaOllama.message).toContain('"nope:7b"');
		const load = await captureError(ollama.generate({ model: 'nope:7b', prompt: '' }));
		expect(load.status_code).toBe(400);

		expect(chatRequests(sims[0])).toBe(0);
		expect(sims[0]?.stats().requests.byEndpoint['/api/generate'] ?? 0).toBe(0);
		const metricsAfter = await (await fetch(`${fixture.service.url}/metrics/prometheus`)).text();
		expect(metricsAfter).not.toContain('nope:7b');
		const llmSeries = (text: string) => charbotSeries(text).filter((series) => series.startsWith('charbot_llm_') && !series.startsWith('charbot_llm_service_'));
		expect(llmSeries(metricsAfter)).toEqual(llmSeries(metricsBefore));
	});

	it('40 requests with random model names add no series', async () => {
		const fixture = await services.start({ redisUrl: services.redisUrl() });
		const { call, ollama } = fixture;
		const scrape = async () => (await fetch(`${fixture.service.url}/metrics/prometheus`)).text();
		// One refusal and one scrape first, so the service's own HTTP series of both exist before the count.
		await call('POST', '/generate', { prompt: 'hi', model: 'first:1b' });
		await captureError(ollama.chat({ model: 'first:1b', messages: [{ role: 'user', content: 'hi' }] }));
		await scrape();
		const before = charbotSeries(await scrape());
		const names = Array.from({ length: 40 }, (_, index) => `random-${index}-${Math.random().toString(36).slice(2, 10)}:7b`);
		const statuses: (number | undefined)[] = [];
		for (const [index, name] of names.entries()) {
			if (index % 2 === 0) statuses.push((await call('POST', '/generate', { prompt: 'hi', model: name })).status);
			else statuses.push((await captureError(ollama.chat({ model: name, messages: [{ role: 'user', content: 'hi' }] }))).status_code);
		}
		const text = await scrape();
		expect(charbotSeries(text).length - before.length, 'series added').toBe(0);
		expect(charbotSeries(text)).toEqual(before);
		for (const name of names) expect(text).not.toContain(name);
		expect(new Set(statuses)).toEqual(new Set([400]));
	});

	it('a configured model that no host has is still a 404 model-not-found', async () => {
		const fixture = await services.start({ sim: { models: ['other:1b'] } });
		const missing = await fixture.call<ErrorBody>('POST', '/generate', { prompt: 'hi' });
		expect(missing).toMatchObject({ status: 404, body: { code: 'model-not-found', error: expect.stringContaining(model) } });
	});

	it('the admin may validate a model that is not configured; its metrics count it as model="other"', async () => {
		const fixture = await services.start({ sim: { models: [model, 'qwen2.5:0.5b'] }, env: { LLM_SERVICE_ADMIN_TOKEN: adminToken } });
		const validated = await fixture.call<ModelValidationAnswer>(
			'POST',
			'/validate-model',
			{ model: 'qwen2.5:0.5b' },
			{ authorization: `Bearer ${adminToken}` },
		);
		expect(validated).toMatchObject({ status: 200, body: { model: 'qwen2.5:0.5b', available: true } });
		expect(validated.body.performance?.tokens_per_second).toBeGreaterThan(0);
		const text = await (await fetch(`${fixture.service.url}/metrics/prometheus`)).text();
		expect(text).not.toContain('qwen2.5');
		expect(text).toMatch(/^charbot_llm_requests_total\{role="chat",model="other",outcome="ok",source="upstream"\} 1$/m);
	});
});
