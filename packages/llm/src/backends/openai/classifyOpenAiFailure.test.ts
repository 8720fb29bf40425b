import { describe, expect, it } from 'vitest';
import { ContextOverflowError, HostBusyError, InvalidRequestError, ModelCannotSeeError, UpstreamError } from '../../errors/LlmError.js';
import { ModelMissingOnHostError } from '../../generation/chatOnHost.js';
import { classifyOpenAiFailure, retryAfterMs } from './classifyOpenAiFailure.js';

const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
	new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers });

describe('classifyOpenAiFailure', () => {
	const classify = (response: Response) => classifyOpenAiFailure(response, 'http://vllm:8000/v1', 'm');

	it('sorts answers into retry elsewhere, wait, or give up', async () => {
		const busy = await classify(answer(429, { error: { message: 'Rate limit reached', code: 'rate_limit_exceeded' } }, { 'retry-after': '7' }));
		expect(busy).toBeInstanceOf(HostBusyError);
		expect((busy as HostBusyError).retryAfterMs).toBe(7000);
		expect(await classify(answer(503, 'overloaded'))).toBeInstanceOf(HostBusyError);
		expect(await classify(answer(500, { error: { message: 'boom' } }))).toBeInstanceOf(UpstreamError);
		expect(await classify(answer(404, { error: { message: 'The model `m` does not exist.' } }))).toBeInstanceOf(ModelMissingOnHostError);
		const key = await classify(answer(401, { error: { message: 'Incorrect API key provided', code: 'invalid_api_key' } }));
		expect(key).toBeInstanceOf(UpstreamError);
		expect(key.retryable).toBe(true);
		expect(key.message).toMatch(/API key was refused.*OPENAI_API_KEY/);
	});

	it('tells a context overflow and a model that cannot see from other refusals, none of them retried', async () => {
		const overflow = await classify(
			answer(400, { error: { message: "This model's maximum context length is 8192 tokens. However, you requested 9000 tokens.", code: 400 } }),
		);
		expect(overflow).toBeInstanceOf(ContextOverflowError);
		expect(overflow.retryable).toBe(false);
		expect(await classify(answer(400, { error: { message: 'm is not a multimodal model' } }))).toBeInstanceOf(ModelCannotSeeError);
		const other = await classify(answer(400, { error: 'temperature must be at most 2' }));
		expect(other).toBeInstanceOf(InvalidRequestError);
		expect(other.message).toContain('temperature must be at most 2');
	});
});

describe('retryAfterMs', () => {
	it('reads seconds and HTTP dates, and nothing else', () => {
		const now = Date.parse('2026-12-05T12:00:00Z');
		expect(retryAfterMs('2.5', now)).toBe(2500);
		expect(retryAfterMs('Sat, 05 Dec 2026 12:00:30 GMT', now)).toBe(30_000);
		expect(retryAfterMs(null, now)).toBeUndefined();
		expect(retryAfterMs('soon', now)).toBeUndefined();
	});
});
