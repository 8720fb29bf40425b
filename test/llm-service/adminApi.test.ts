import { describe, expect, it } from 'vitest';
import type { ModelValidationAnswer } from '../../apps/llm-service/src/routes/admin/renderModelValidation.js';
import type { GenerateAnswer } from '../../apps/llm-service/src/routes/generate/renderGenerateResult.js';
import { chatRequests, model, useServiceFixtures } from './serviceFixture.js';

const services = useServiceFixtures();
const adminToken = 'test-admin-token-123';
const admin = { authorization: `Bearer ${adminToken}` };
const env = { LLM_SERVICE_ADMIN_TOKEN: adminToken };

describe('POST /validate-model', () => {
	it('reports a present model with its size, hosts and a tokens-per-second figure', async () => {
		const fixture = await services.start({ sims: 2, env });
		const { body, status } = await fixture.call<ModelValidationAnswer>('POST', '/validate-model', { model }, admin);
		expect(status).toBe(200);
		expect(body).toMatchObject({ model, available: true, size_bytes: expect.any(Number) });
		expect(body.hosts).toHaveLength(2);
		expect(body.hosts.every((host) => host.present && host.alive && typeof host.digest === 'string')).toBe(true);
		expect(body.performance?.tokens_per_second).toBeGreaterThan(0);
		expect(fixture.sims.map((sim) => sim.url)).toContain(body.performance?.host);
	});

	it('reports an absent model as unavailable, and a missing name as a 400', async () => {
		const fixture = await services.start({ env });
		const { body } = await fixture.call<ModelValidationAnswer>('POST', '/validate-model', { model: 'nope:70b' }, admin);
		expect(body).toMatchObject({ model: 'nope:70b', available: false, size_bytes: null, performance: null });
		expect(body.hosts[0]).toMatchObject({ present: false, alive: true });
		expect(await fixture.call('POST', '/validate-model', {}, admin)).toMatchObject({ status: 400, body: { issues: [{ field: 'model' }] } });
	});
});

describe('POST /cache/clear', () => {
	it('clears all, by character or by model, so the next identical request goes upstream', async () => {
		const fixture = await services.start({ redisUrl: services.redisUrl(), env });
		const { sims } = fixture;
		const call = <Body>(method: string, path: string, body?: unknown) => fixture.call<Body>(method, path, body, admin);
		const ask = (character: string) => call<GenerateAnswer>('POST', '/generate', { prompt: 'Same old question', character });
		await ask('peter');
		await ask('lois');
		expect((await ask('peter')).body.cache_hit).toBe(true);
		expect(await call('POST', '/cache/clear', { character: 'peter' })).toMatchObject({ status: 200, body: { cleared: 1, cache_enabled: true } });
		expect((await ask('peter')).body.cache_hit).toBe(false);
		expect((await ask('lois')).body.cache_hit).toBe(true);
		expect((await call('POST', '/cache/clear', { model })).body).toEqual({ cleared: 2, cache_enabled: true });
		await ask('lois');
		expect((await call('POST', '/cache/clear', { scope: 'all' })).body).toEqual({ cleared: 1, cache_enabled: true });
		expect((await ask('lois')).body.cache_hit).toBe(false);
		expect(chatRequests(sims[0])).toBe(5);
		expect(await call('POST', '/cache/clear', { scope: 'everything' })).toMatchObject({ status: 400, body: { issues: [{ field: 'scope' }] } });
	});

	it('requires the admin bearer token when one is configured', async () => {
		const fixture = await services.start({ redisUrl: services.redisUrl(), service: { adminToken: 'test-admin-token-123' } });
		const { call } = fixture;
		const refused = await call('POST', '/cache/clear', { scope: 'all' });
		expect(refused).toMatchObject({ status: 401, body: { code: 'unauthorized' } });
		expect(refused.headers.get('www-authenticate')).toContain('Bearer');
		expect((await call('POST', '/cache/clear', { scope: 'all' }, { authorization: 'Bearer wrong-token' })).status).toBe(401);
		expect((await call('POST', '/cache/clear', { scope: 'all' }, { authorization: 'Bearer test-admin-token-123' })).status).toBe(200);
	});
});
