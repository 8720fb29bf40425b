import { waitFor } from '@charbot/testkit';
import { describe, expect, it } from 'vitest';
import type { FieldIssue } from '../../apps/llm-service/src/http/FieldIssue.js';
import type { MetricsSummary } from '../../apps/llm-service/src/metrics/renderMetricsSummary.js';
import type { GenerateAnswer } from '../../apps/llm-service/src/routes/generate/renderGenerateResult.js';
import { chatRequests, model, useServiceFixtures } from './serviceFixture.js';

type ErrorBody = { error: string; code: string; issues?: FieldIssue[] };

const services = useServiceFixtures();

describe('POST /generate', () => {
	it('returns the documented fields, and a cache hit for the same prompt, character and settings', async () => {
		const fixture = await services.start({ redisUrl: services.redisUrl() });
		const request = { prompt: 'What do you think of the Giants?', character: 'peter', settings: { temperature: 0.5, max_tokens: 64 }, conversation_id: 'c-42' };
		const first = await fixture.call<GenerateAnswer>('POST', '/generate', request);
		expect(first.status).toBe(200);
		expect(first.body).toEqual({
			response: expect.any(String),
			model,
			host: fixture.sims[0]?.url,
			generation_time_ms: expect.any(Number),
			cache_hit: false,
			metadata: {
				prompt_tokens: expect.any(Number),
				tokens_generated: 12,
				prompt_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
				done_reason: 'stop',
				attempts: 1,
				coalesced: false,
			},
		});
		const second = await fixture.call<GenerateAnswer>('POST', '/generate', request);
		expect(second.body).toMatchObject({
			cache_hit: true,
			response: first.body.response,
			metadata: { prompt_hash: first.body.metadata.prompt_hash, attempts: 0 },
		});
		const other = await fixture.call<GenerateAnswer>('POST', '/generate', { ...request, character: 'stewie' });
		expect(other.body.cache_hit).toBe(false);
		const uncached = await fixture.call<GenerateAnswer>('POST', '/generate', { ...request, use_cache: false });
		expect(uncached.body.cache_hit).toBe(false);
		expect(chatRequests(fixture.sims[0])).toBe(3);
	});

	it('takes chat messages with a system text, a role and a model', async () => {
		const fixture = await services.start();
		const answer = await fixture.call<GenerateAnswer>('POST', '/generate', {
			messages: [
				{ role: 'user', content: 'Hi Brian' },
				{ role: 'assistant', content: 'Hello.' },
				{ role: 'user', content: 'Write me a poem' },
			],
			system: 'You are Brian, a pretentious dog.',
			role: 'judge',
			model,
		});
		expect(answer.status).toBe(200);
		expect(answer.body.metadata.prompt_tokens).toBeGreaterThan(15);
	});

	it('refuses bad input with 400 naming each field, and an oversize body with 413', async () => {
		const fixture = await services.start();
		const { call } = fixture;
		const missing = await call<ErrorBody>('POST', '/generate', { character: 'peter' });
		expect(missing.status).toBe(400);
		expect(missing.body).toMatchObject({ code: 'invalid-request', issues: [{ field: 'prompt', message: 'is required (or give `messages`)' }] });
		expect(missing.body.error).toContain('prompt is required');

		const wrong = await call<ErrorBody>('POST', '/generate', { prompt: 7, settings: { temperature: 'warm', top_p: 3 }, use_cache: 'no' });
		expect(wrong.status).toBe(400);
		expect(wrong.body.issues?.map((issue) => issue.field).sort()).toEqual(['prompt', 'settings.temperature', 'settings.top_p', 'use_cache']);

		const broken = await call<ErrorBody>('POST', '/generate', '{"prompt": ');
		expect(broken).toMatchObject({ status: 400, body: { issues: [{ field: '(body)' }] } });
		expect((await call<ErrorBody>('POST', '/generate')).body.issues).toEqual([{ field: '(body)', message: 'missing request body; send a JSON object' }]);

		const huge = await call<ErrorBody>('POST', '/generate', { prompt: 'x'.repeat(1_100_000) });
		expect(huge.status).toBe(413);
		expect(huge.body).toMatchObject({ code: 'body-too-large', issues: [{ field: '(body)', message: 'is larger than the 1048576-byte limit' }] });
		expect(chatRequests(fixture.sims[0])).toBe(0);
	});

	it('maps refusals to statuses: a model not served 400, unknown role 400; unknown routes are a JSON 404', async () => {
		const fixture = await services.start();
		const { call } = fixture;
		const missing = await call<ErrorBody>('POST', '/generate', { prompt: 'hi', model: 'nope:7b' });
		expect(missing.status).toBe(400);
		expect(missing.body).toMatchObject({ code: 'invalid-request', issues: [{ field: 'model' }], error: expect.stringContaining('"nope:7b"') });
		const role = await call<ErrorBody>('POST', '/generate', { prompt: 'hi', role: 'poet' });
		expect(role).toMatchObject({ status: 400, body: { code: 'invalid-request', error: expect.stringContaining('Unknown LLM role "poet"') } });
		expect(await call('GET', '/nowhere')).toMatchObject({ status: 404, body: { error: 'no route GET /nowhere', code: 'not-found' } });
	});

	it('cancels the upstream generation when the client disconnects', async () => {
		const fixture = await services.start({ sim: { tokensPerSecond: 5, replyTokens: 40 } });
		const [sim] = fixture.sims;
		const controller = new AbortController();
		const pending = fetch(`${fixture.service.url}/generate`, {
			method: 'POST',
			body: JSON.stringify({ prompt: 'tell me a long story' }),
			signal: controller.signal,
		});
		await waitFor(() => sim?.stats().inFlight === 1, 'the generation to reach the host');
		controller.abort();
		await expect(pending).rejects.toThrow();
		await waitFor(() => sim?.stats().inFlight === 0, 'the host request to be cancelled', 2000);
		await waitFor(async () => (await fixture?.call<MetricsSummary>('GET', '/metrics'))?.body.failures === 1, 'the cancelled request to be counted', 2000);
	});

	it('answers an identical request coalesced onto one whose client left', async () => {
		const fixture = await services.start({ redisUrl: services.redisUrl(), sim: { tokensPerSecond: 40, replyTokens: 20 } });
		const { service, sims } = fixture;
		const body = JSON.stringify({ prompt: 'twin request' });
		const controller = new AbortController();
		const leader = fetch(`${service.url}/generate`, { method: 'POST', body, signal: controller.signal }).catch(() => 'gone');
		await waitFor(() => sims[0]?.stats().inFlight === 1, 'the first request to reach the host');
		const twin = fetch(`${service.url}/generate`, { method: 'POST', body });
		await new Promise((resolve) => setTimeout(resolve, 100));
		controller.abort();
		expect(await leader).toBe('gone');
		const answer = await twin;
		expect(answer.status).toBe(200);
		// The twin keeps the shared generation alive: one upstream call answers it.
		expect(((await answer.json()) as GenerateAnswer).metadata).toMatchObject({ done_reason: 'stop', coalesced: true });
		expect(sims[0]?.stats().requests.byEndpoint['/api/chat']).toBe(1);
	});
});
