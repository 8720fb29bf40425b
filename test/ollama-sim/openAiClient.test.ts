import { createHash } from 'node:crypto';
import { type OllamaSim, startOllamaSim } from '@charbot/ollama-sim';
import { Ollama } from 'ollama';
import OpenAI, { APIConnectionTimeoutError, AuthenticationError, BadRequestError, InternalServerError, NotFoundError, RateLimitError } from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';

// A real 1x1 PNG.
const pngBase64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const question = [{ role: 'user' as const, content: 'Hello? How was your day?' }];

/** Awaits a promise that must reject and returns what it threw. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
	try {
		await promise;
	} catch (error) {
		return error;
	}
	throw new Error('expected the call to fail, but it succeeded');
}

const clientFor = (sim: OllamaSim, apiKey = 'unused') => new OpenAI({ baseURL: `${sim.url}/v1`, apiKey, maxRetries: 0 });

describe('ollama-sim /v1 with the official openai client', () => {
	let sim: OllamaSim;
	let openai: OpenAI;

	beforeAll(async () => {
		sim = await startOllamaSim({ models: ['llama3.2:1b', 'llava:7b'], loadMs: 0, tokensPerSecond: 2000, preloaded: true, replyTokens: 30 });
		openai = clientFor(sim);
	});
	afterAll(() => sim.close());
	beforeEach(async () => {
		await sim.setBehavior({ fault: 'none', faultRate: 1 });
		sim.resetStats();
	});

	it('lists and retrieves models, and answers NotFoundError for a missing one', async () => {
		const list = await openai.models.list();
		expect(list.data.map((model) => model.id).sort()).toEqual(['llama3.2:1b', 'llava:7b']);
		expect(list.data[0]).toMatchObject({ object: 'model', owned_by: 'ollama-sim', created: expect.any(Number) });
		expect(await openai.models.retrieve('llama3.2:1b')).toMatchObject({ id: 'llama3.2:1b', object: 'model' });
		const missing = await rejection(openai.models.retrieve('nope:7b'));
		expect(missing).toBeInstanceOf(NotFoundError);
		expect(missing).toMatchObject({ status: 404, code: 'model_not_found', param: 'model' });
		const chat = await rejection(openai.chat.completions.create({ model: 'nope:7b', messages: question }));
		expect(chat).toBeInstanceOf(NotFoundError);
		expect(chat).toMatchObject({ code: 'model_not_found' });
	});

	it('answers a whole chat completion with content, usage and finish_reason, and `length` under max_tokens', async () => {
		const { data: completion, response } = await openai.chat.completions.create({ model: 'llama3.2:1b', messages: question }).withResponse();
		expect(response.headers.get('x-ollama-sim')).toBe('ollama-sim');
		expect(completion).toMatchObject({ object: 'chat.completion', model: 'llama3.2:1b', id: expect.stringMatching(/^chatcmpl-/) });
		const [choice] = completion.choices;
		expect(choice).toMatchObject({ index: 0, finish_reason: 'stop', logprobs: null, message: { role: 'assistant' } });
		expect(choice?.message.content?.length).toBeGreaterThan(20);
		const usage = completion.usage;
		expect(usage?.completion_tokens).toBe(30);
		expect(usage?.prompt_tokens).toBeGreaterThan(0);
		expect(usage?.total_tokens).toBe((usage?.prompt_tokens ?? 0) + (usage?.completion_tokens ?? 0));
		const short = await openai.chat.completions.create({ model: 'llama3.2:1b', messages: question, max_tokens: 5 });
		expect(short.choices[0]?.finish_reason).toBe('length');
		expect(short.usage?.completion_tokens).toBe(5);
		const newer = await openai.chat.completions.create({ model: 'llama3.2:1b', messages: question, max_completion_tokens: 3 });
		expect(newer.usage?.completion_tokens).toBe(3);
		expect(sim.requestRecords().map((record) => [record.api, record.kind, record.model])).toEqual([
			['openai', 'chat', 'llama3.2:1b'],
			['openai', 'chat', 'llama3.2:1b'],
			['openai', 'chat', 'llama3.2:1b'],
		]);
		expect(sim.stats().requests.byEndpoint).toEqual({ '/v1/chat/completions': 3 });
	});

	it('streams deltas that join to the whole reply for the same seed, then usage, as the client reads them', async () => {
		const request = { model: 'llama3.2:1b', messages: question, temperature: 0, seed: 7 };
		const whole = await openai.chat.completions.create(request);
		const stream = await openai.chat.completions.create({ ...request, stream: true, stream_options: { include_usage: true } });
		const chunks = [];
		for await (const chunk of stream) chunks.push(chunk);
		expect(chunks[0]?.choices[0]?.delta.role).toBe('assistant');
		const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
		expect(text).toBe(whole.choices[0]?.message.content);
		const finishing = chunks.filter((chunk) => chunk.choices[0]?.finish_reason);
		expect(finishing.map((chunk) => chunk.choices[0]?.finish_reason)).toEqual(['stop']);
		const last = chunks.at(-1);
		expect(last?.choices).toEqual([]);
		expect(last?.usage).toEqual(whole.usage);
		expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(1);
		// At temperature 0 the seed does not matter, as greedy decoding ignores it.
		const other = await openai.chat.completions.create({ ...request, seed: 8 });
		expect(other.choices[0]?.message.content).toBe(whole.choices[0]?.message.content);
	});

	it('writes output matching a json_schema response_format, streamed or not, never sloppy', async () => {
		await sim.setBehavior({ sloppy: 1 });
		const verdict = z.object({ pass: z.boolean(), score: z.number().int().min(1).max(10), reason: z.string().min(10) });
		const response_format = { type: 'json_schema' as const, json_schema: { name: 'verdict', schema: z.toJSONSchema(verdict), strict: true } };
		const whole = await openai.chat.completions.create({ model: 'llama3.2:1b', messages: question, response_format });
		expect(verdict.safeParse(JSON.parse(whole.choices[0]?.message.content ?? '')).success).toBe(true);
		const stream = await openai.chat.completions.create({ model: 'llama3.2:1b', messages: question, response_format, stream: true });
		let streamed = '';
		for await (const chunk of stream) streamed += chunk.choices[0]?.delta.content ?? '';
		expect(verdict.safeParse(JSON.parse(streamed)).success).toBe(true);
		const json = await openai.chat.completions.create({ model: 'llama3.2:1b', messages: question, response_format: { type: 'json_object' } });
		expect(typeof JSON.parse(json.choices[0]?.message.content ?? '')).toBe('object');
		expect(sim.stats().sloppy.eligible).toBe(0);
		await sim.setBehavior({ sloppy: 0 });
	});

	it('shows a data-URL image to the vision model, as /api/chat does, and a non-vision model refuses it alike', async () => {
		const messages = [
			{
				role: 'user' as const,
				content: [
					{ type: 'text' as const, text: 'What is this?' },
					{ type: 'image_url' as const, image_url: { url: `data:image/png;base64,${pngBase64}` } },
				],
			},
		];
		const answer = await openai.chat.completions.create({ model: 'llava:7b', messages });
		expect(answer.choices[0]?.message.content).toMatch(/^I saw 1 image\. \S/);
		const png = Buffer.from(pngBase64, 'base64');
		expect(sim.requestRecords()[0]).toMatchObject({
			api: 'openai',
			model: 'llava:7b',
			images: [{ message: 0, bytes: png.length, sha256: createHash('sha256').update(png).digest('hex') }],
		});
		const ollama = new Ollama({ host: sim.url });
		const native = await ollama.chat({
			model: 'llava:7b',
			messages: [{ role: 'user', content: 'What is this?', images: [pngBase64] }],
			options: { temperature: 1 },
		});
		expect(answer.choices[0]?.message.content).toBe(native.message.content);
		const refused = await rejection(openai.chat.completions.create({ model: 'llama3.2:1b', messages }));
		expect(refused).toBeInstanceOf(InternalServerError);
		expect((refused as Error).message).toContain('image input is not supported');
		const fetched = await rejection(
			openai.chat.completions.create({
				model: 'llava:7b',
				messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://example.com/cat.png' } }] }],
			}),
		);
		expect(fetched).toBeInstanceOf(BadRequestError);
		expect(fetched).toMatchObject({ param: 'messages[0].content[0].image_url.url', code: 'invalid_image_url' });
	});

	it('maps faults to the client error classes: http500, http429 with retry-after, midstream mid-iteration', async () => {
		await sim.setBehavior({ fault: 'http500' });
		const failed = await rejection(openai.chat.completions.create({ model: 'llama3.2:1b', messages: question }));
		expect(failed).toBeInstanceOf(InternalServerError);
		expect((failed as Error).message).toContain('llama runner process has terminated');
		await sim.setBehavior({ fault: 'http429', retryAfterSeconds: 7 });
		const limited = await rejection(openai.chat.completions.create({ model: 'llama3.2:1b', messages: question }));
		expect(limited).toBeInstanceOf(RateLimitError);
		expect((limited as RateLimitError).headers.get('retry-after')).toBe('7');
		expect(limited).toMatchObject({ code: 'rate_limit_exceeded' });
		const native = await fetch(`${sim.url}/api/chat`, { method: 'POST', body: JSON.stringify({ model: 'llama3.2:1b', messages: question }) });
		expect(native.status).toBe(429);
		expect(native.headers.get('retry-after')).toBe('7');
		expect(await native.json()).toEqual({ error: expect.stringContaining('rate limit exceeded') });
		await sim.setBehavior({ fault: 'midstream' });
		const stream = await openai.chat.completions.create({ model: 'llama3.2:1b', messages: question, stream: true });
		const received: string[] = [];
		const cut = await rejection(
			(async () => {
				for await (const chunk of stream) received.push(chunk.choices[0]?.delta.content ?? '');
			})(),
		);
		expect((cut as Error).message).toContain('an error was encountered while running the model');
		expect(received.join('').length).toBeGreaterThan(0);
		const raw = await fetch(`${sim.url}/v1/chat/completions`, {
			method: 'POST',
			body: JSON.stringify({ model: 'llama3.2:1b', messages: question, stream: true }),
		});
		const events = (await raw.text()).trim().split('\n\n');
		expect(events.at(-1)).toMatch(/^data: \{"error":\{"message":"an error was encountered/);
		expect(events).not.toContain('data: [DONE]');
		const whole = await rejection(openai.chat.completions.create({ model: 'llama3.2:1b', messages: question }));
		expect(whole).toBeInstanceOf(InternalServerError);
		expect(sim.stats().faults).toMatchObject({ http500: 1, http429: 2, midstream: 3 });
	});

	it('abrupt-close drops the stream part-way and hang never answers, as on /api/chat', async () => {
		await sim.setBehavior({ fault: 'abrupt-close' });
		const stream = await openai.chat.completions.create({ model: 'llama3.2:1b', messages: question, stream: true });
		let received = '';
		const dropped = await rejection(
			(async () => {
				for await (const chunk of stream) received += chunk.choices[0]?.delta.content ?? '';
			})(),
		);
		expect(dropped).toBeInstanceOf(Error);
		expect(received.length).toBeGreaterThan(0);
		await sim.setBehavior({ fault: 'hang' });
		const impatient = new OpenAI({ baseURL: `${sim.url}/v1`, apiKey: 'unused', maxRetries: 0, timeout: 300 });
		expect(await rejection(impatient.chat.completions.create({ model: 'llama3.2:1b', messages: question }))).toBeInstanceOf(APIConnectionTimeoutError);
		expect(sim.stats().faults).toMatchObject({ 'abrupt-close': 1, hang: 1 });
	});

	it('makes replies sloppy and plays scripts as /api/chat does', async () => {
		await sim.setBehavior({ sloppy: 1, sloppyKinds: ['own-label'] });
		const { data, response } = await openai.chat.completions
			.create({ model: 'llama3.2:1b', messages: [{ role: 'system', content: 'You are Mira.' }, ...question] })
			.withResponse();
		expect(response.headers.get('x-ollama-sim-sloppy')).toBe('own-label');
		expect(sim.sloppyRecords()).toMatchObject([{ kind: 'own-label', model: 'llama3.2:1b', text: data.choices[0]?.message.content }]);
		await sim.setBehavior({ sloppy: 0 });
		sim.addScript({ match: 'secret word', reply: 'Swordfish.', times: 1 });
		const scripted = await openai.chat.completions.create({ model: 'llama3.2:1b', messages: [{ role: 'user', content: 'Tell me the secret word' }] });
		expect(scripted.choices[0]?.message.content).toBe('Swordfish.');
		expect(scripted.usage?.completion_tokens).toBe(3);
	});

	it('refuses bad requests with 400 naming the field', async () => {
		const noMessages = await rejection(openai.chat.completions.create({ model: 'llama3.2:1b', messages: [] }));
		expect(noMessages).toBeInstanceOf(BadRequestError);
		expect(noMessages).toMatchObject({ param: 'messages' });
		const twoChoices = await rejection(openai.chat.completions.create({ model: 'llama3.2:1b', messages: question, n: 2 }));
		expect(twoChoices).toMatchObject({ status: 400, param: 'n' });
		const unknown = await fetch(`${sim.url}/v1/completions`, { method: 'POST', body: '{}' });
		expect(unknown.status).toBe(404);
		expect(await unknown.json()).toMatchObject({ error: { code: 'unknown_url', type: 'invalid_request_error' } });
		const broken = await fetch(`${sim.url}/v1/chat/completions`, { method: 'POST', body: '{"model":' });
		expect(broken.status).toBe(400);
		expect(await broken.json()).toEqual({ error: { message: 'unexpected EOF', type: 'invalid_request_error', param: null, code: null } });
	});
});

describe('ollama-sim with apiKey', () => {
	it('answers AuthenticationError without the key, and serves with it', async () => {
		const sim = await startOllamaSim({ apiKey: 'sk-sim-secret', loadMs: 0, preloaded: true });
		try {
			const wrong = await rejection(clientFor(sim, 'sk-wrong').models.list());
			expect(wrong).toBeInstanceOf(AuthenticationError);
			expect(wrong).toMatchObject({ status: 401, code: 'invalid_api_key', message: '401 Incorrect API key provided' });
			expect(JSON.stringify(wrong)).not.toContain('sk-sim-secret');
			expect((await clientFor(sim, 'sk-sim-secret').models.list()).data).toHaveLength(1);
			// Ollama's own routes stay open, as a key only guards the OpenAI-compatible API.
			expect((await fetch(`${sim.url}/api/tags`)).status).toBe(200);
		} finally {
			await sim.close();
		}
	});
});

describe("ollama-sim with api: 'openai' (vLLM-like)", () => {
	let sim: OllamaSim;

	beforeAll(async () => {
		sim = await startOllamaSim({
			api: 'openai',
			models: [{ name: 'llama3.2:1b', contextLength: 200 }],
			loadMs: 0,
			preloaded: true,
			tokensPerSecond: 100,
			replyTokens: 20,
			maxQueue: 2,
		});
	});
	afterAll(() => sim.close());

	it('lists a model named without a tag by that name, as vLLM serves it, and answers to it', async () => {
		const named = await startOllamaSim({ api: 'openai', models: ['meta-llama/Llama-3.2-1B-Instruct'], preloaded: true, replyTokens: 3, tokensPerSecond: 1000 });
		try {
			const openai = new OpenAI({ baseURL: `${named.url}/v1`, apiKey: 'none', maxRetries: 0 });
			expect((await openai.models.list()).data.map((entry) => entry.id)).toEqual(['meta-llama/Llama-3.2-1B-Instruct']);
			const completion = await openai.chat.completions.create({ model: 'meta-llama/Llama-3.2-1B-Instruct', messages: [{ role: 'user', content: 'hi' }] });
			expect(completion.model).toBe('meta-llama/Llama-3.2-1B-Instruct');
			const metrics = await (await fetch(`${named.url}/metrics`)).text();
			expect(metrics).toContain('vllm:num_requests_running{model_name="meta-llama/Llama-3.2-1B-Instruct"} 0.0');
		} finally {
			await named.close();
		}
	});

	it('refuses a prompt beyond the context length with context_length_exceeded instead of truncating', async () => {
		const long = 'word '.repeat(300);
		const error = await rejection(
			clientFor(sim).chat.completions.create({ model: 'llama3.2:1b', messages: [{ role: 'user', content: long }], max_tokens: 10 }),
		);
		expect(error).toBeInstanceOf(BadRequestError);
		expect(error).toMatchObject({ status: 400, code: 'context_length_exceeded' });
		expect((error as Error).message).toMatch(
			/This model's maximum context length is 200 tokens\. However, you requested \d+ tokens \(\d+ in the messages, 10 in the completion\)/,
		);
		const fits = await clientFor(sim).chat.completions.create({ model: 'llama3.2:1b', messages: question, max_tokens: 10 });
		expect(fits.choices[0]?.finish_reason).toBe('length');
	});

	it('serves /health and 404 on /api/*, and /metrics gauges that move under load, and 429 with retry-after once the queue is full', async () => {
		expect((await fetch(`${sim.url}/health`)).status).toBe(200);
		const ollamaRoute = await fetch(`${sim.url}/api/chat`, { method: 'POST', body: JSON.stringify({ model: 'llama3.2:1b', messages: question }) });
		expect(ollamaRoute.status).toBe(404);
		expect(ollamaRoute.headers.get('x-ollama-sim')).toBe('ollama-sim');
		const gauges = async () => {
			const text = await (await fetch(`${sim.url}/metrics`)).text();
			const read = (name: string) => Number(new RegExp(`^${name}\\{model_name="llama3\\.2:1b"\\} (\\S+)$`, 'm').exec(text)?.[1]);
			return { running: read('vllm:num_requests_running'), waiting: read('vllm:num_requests_waiting') };
		};
		expect(await gauges()).toEqual({ running: 0, waiting: 0 });
		const client = clientFor(sim);
		const busy = [1, 2, 3].map(() => client.chat.completions.create({ model: 'llama3.2:1b', messages: question }));
		await expect.poll(gauges).toEqual({ running: 1, waiting: 2 });
		const full = await rejection(client.chat.completions.create({ model: 'llama3.2:1b', messages: question }));
		expect(full).toBeInstanceOf(RateLimitError);
		expect((full as RateLimitError).headers.get('retry-after')).toBe('1');
		await Promise.all(busy);
		expect(await gauges()).toEqual({ running: 0, waiting: 0 });
	});
});
