import { describe, expect, it } from 'vitest';
import type { MetricsSummary } from '../../apps/llm-service/src/metrics/renderMetricsSummary.js';
import { captureError, chatRequests, model, useServiceFixtures } from './serviceFixture.js';

const services = useServiceFixtures();

describe('the official ollama client through the service', () => {
	it('chats without and with streaming; a repeated identical request is a cache hit, even streamed', async () => {
		const fixture = await services.start({ redisUrl: services.redisUrl() });
		const { ollama, sims, call } = fixture;
		const messages = [{ role: 'user', content: 'Peter, what is on TV tonight?' }];
		const first = await ollama.chat({ model, messages, stream: false });
		expect(first).toMatchObject({ model, done: true, done_reason: 'stop', message: { role: 'assistant' } });
		expect(first.message.content.length).toBeGreaterThan(0);
		expect(first.eval_count).toBeGreaterThan(0);
		expect(first.prompt_eval_count).toBeGreaterThan(0);
		expect(first.total_duration).toBeGreaterThan(0);
		expect(chatRequests(sims[0])).toBe(1);

		const again = await ollama.chat({ model, messages });
		expect(again.message.content).toBe(first.message.content);

		const pieces: string[] = [];
		let last: Awaited<ReturnType<typeof ollama.chat>> | undefined;
		for await (const chunk of await ollama.chat({ model, messages, stream: true })) {
			pieces.push(chunk.message.content);
			last = chunk;
		}
		expect(pieces.length).toBeGreaterThan(2);
		expect(pieces.join('')).toBe(first.message.content);
		expect(last).toMatchObject({ done: true, done_reason: 'stop', eval_count: first.eval_count });
		expect(chatRequests(sims[0])).toBe(1);

		const metrics = await call<MetricsSummary>('GET', '/metrics');
		expect(metrics.body.cache).toMatchObject({ hits: 2, misses: 1, errors: 0 });
		expect(metrics.body.cache.hit_rate).toBeCloseTo(2 / 3);
		expect(metrics.body.requests).toBe(3);
	});

	it('generates, streamed and not, with the options mapped to the pool', async () => {
		const fixture = await services.start({ redisUrl: services.redisUrl() });
		const { ollama } = fixture;
		const whole = await ollama.generate({
			model,
			prompt: 'Stewie, describe your latest invention.',
			system: 'You are Stewie.',
			options: { num_predict: 5, temperature: 0 },
		});
		expect(whole).toMatchObject({ model, done: true, done_reason: 'length', eval_count: 5 });
		const pieces: string[] = [];
		for await (const chunk of await ollama.generate({ model, prompt: 'Brian, review this novel.', stream: true })) pieces.push(chunk.response ?? '');
		expect(pieces.join('').length).toBeGreaterThan(0);
	});

	it('bypasses the cache with X-Charbot-Cache: off', async () => {
		const fixture = await services.start({ redisUrl: services.redisUrl() });
		const { sims, service } = fixture;
		const { Ollama } = await import('ollama');
		const uncached = new Ollama({ host: service.url, headers: { 'X-Charbot-Cache': 'off' } });
		const messages = [{ role: 'user', content: 'Same question twice' }];
		await uncached.chat({ model, messages });
		await uncached.chat({ model, messages });
		expect(chatRequests(sims[0])).toBe(2);
	});

	it('lists the union of the hosts\u2019 models, their version, details, and answers load requests', async () => {
		const fixture = await services.start({ sims: 2, sim: { models: [model, 'qwen2.5:0.5b'] } });
		const { ollama, call, sims } = fixture;
		sims[1]?.addModel({ name: 'phi3:mini' });
		const tags = await ollama.list();
		expect(tags.models.map((entry) => entry.name).sort()).toEqual(['llama3.2:1b', 'phi3:mini', 'qwen2.5:0.5b']);
		expect(tags.models[0]?.details.family).toBeDefined();
		expect((await ollama.version()).version).toMatch(/^\d+\.\d+\.\d+/);
		expect((await ollama.show({ model })).details.family).toBe('llama');
		expect((await ollama.ps()).models.map((entry) => entry.name)).toContain(model);
		expect(await ollama.chat({ model, messages: [] })).toMatchObject({ done: true, done_reason: 'load' });
		expect((await call('GET', '/')).body).toBe('Ollama is running');
	});

	it("answers errors in Ollama's shape and statuses: a model not served 400, refused fields 400, every host down 503", async () => {
		const fixture = await services.start({ env: { REQUEST_TIMEOUT: '1' } });
		const { ollama, sims, service } = fixture;
		const missing = await captureError(ollama.chat({ model: 'nope:7b', messages: [{ role: 'user', content: 'hi' }] }));
		expect(missing.status_code).toBe(400);
		expect(missing.message).toBe(`model: "nope:7b" is not a model this service serves; the configured models are ${model}`);
		const refused = await captureError(ollama.chat({ model, messages: [{ role: 'user', content: 'hi' }], think: true }));
		expect(refused).toMatchObject({ status_code: 400, message: 'think is not supported by the charbot LLM service' });
		await sims[0]?.setBehavior({ fault: 'refuse' });
		await service.pool.checkHealth();
		const down = await captureError(ollama.generate({ model, prompt: 'anyone home?' }));
		expect(down.status_code).toBe(503);
	});
});
