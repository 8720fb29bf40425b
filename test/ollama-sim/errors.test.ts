import { type OllamaSim, startOllamaSim } from '@charbot/ollama-sim';
import { Ollama } from 'ollama';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureError } from './captureError.js';
import { collect } from './collect.js';

const question = [{ role: 'user', content: 'Hello?' }];

describe('ollama-sim errors, worded and coded as Ollama sends them', () => {
	let sim: OllamaSim;
	let ollama: Ollama;
	const post = (path: string, body: string) => fetch(`${sim.url}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });

	beforeAll(async () => {
		sim = await startOllamaSim({ loadMs: 0, tokensPerSecond: 1000, preloaded: true });
		ollama = new Ollama({ host: sim.url });
	});
	afterAll(() => sim.close());

	it('404s an unknown model on chat, generate and embed with a ResponseError', async () => {
		for (const call of [
			ollama.chat({ model: 'mistral:7b', messages: question }),
			ollama.generate({ model: 'mistral:7b', prompt: 'x' }),
			ollama.embed({ model: 'mistral:7b', input: 'x' }),
		]) {
			expect(await captureError(call)).toMatchObject({ name: 'ResponseError', status_code: 404, message: "model 'mistral:7b' not found" });
		}
		const streamed = await captureError(ollama.chat({ model: 'mistral:7b', messages: question, stream: true }));
		expect(streamed).toMatchObject({ name: 'ResponseError', status_code: 404 });
	});

	it('400s bad bodies with the Go server texts', async () => {
		expect(await captureError(ollama.chat({ model: '', messages: question }))).toMatchObject({ status_code: 400, message: 'model is required' });
		const invalid = await post('/api/chat', '{nope');
		expect(invalid.status).toBe(400);
		expect(invalid.headers.get('content-type')).toBe('application/json; charset=utf-8');
		expect(await invalid.json()).toEqual({ error: 'unexpected EOF' });
		expect(await (await post('/api/chat', 'hello')).json()).toEqual({ error: "invalid character 'h' looking for beginning of value" });
		expect(await (await post('/api/generate', '')).json()).toEqual({ error: 'missing request body' });
		expect(await (await post('/api/chat', '[]')).json()).toEqual({ error: 'json: cannot unmarshal array into Go value of type api.ChatRequest' });
		const wrongType = await post('/api/chat', JSON.stringify({ model: 'llama3.2:1b', messages: 'hi' }));
		expect(wrongType.status).toBe(400);
		expect(((await wrongType.json()) as { error: string }).error).toMatch(/^json: cannot unmarshal string into Go struct field ChatRequest\.messages/);
		const badKeepAlive = await captureError(ollama.chat({ model: 'llama3.2:1b', messages: question, keep_alive: '1d' }));
		expect(badKeepAlive).toMatchObject({ status_code: 400, message: 'time: unknown unit "d" in duration "1d"' });
		const badFormat = await captureError(ollama.chat({ model: 'llama3.2:1b', messages: question, format: 'yaml' }));
		expect(badFormat).toMatchObject({ status_code: 400, message: 'invalid format: expected "json" or a valid JSON schema' });
	});

	it('answers unknown routes and methods like gin does', async () => {
		const missing = await fetch(`${sim.url}/api/nothing`);
		expect(missing.status).toBe(404);
		expect(await missing.text()).toBe('404 page not found');
		expect((await fetch(`${sim.url}/api/chat`)).status).toBe(405);
	});

	it('503s with the busy text once maxQueue requests wait, and counts it', async () => {
		const small = await startOllamaSim({ maxQueue: 2, numParallel: 1, tokensPerSecond: 50, loadMs: 0, preloaded: true, replyTokens: 10 });
		const client = new Ollama({ host: small.url });
		try {
			const running = [1, 2, 3].map(() => client.chat({ model: 'llama3.2:1b', messages: question }));
			await new Promise((resolve) => setTimeout(resolve, 50));
			expect(small.stats()).toMatchObject({ active: 1, queued: 2 });
			const error = await captureError(client.chat({ model: 'llama3.2:1b', messages: question }));
			expect(error).toMatchObject({ name: 'ResponseError', status_code: 503, message: 'server busy, please try again.  maximum pending requests exceeded' });
			const answers = await Promise.all(running);
			expect(answers.every((answer) => answer.done)).toBe(true);
			expect(small.stats()).toMatchObject({ rejected: 1, maxQueued: 2, maxActive: 1, requests: { byStatus: { 200: 3, 503: 1 } } });
		} finally {
			await small.close();
		}
	});

	it('surfaces a mid-stream error line while iterating, after real tokens', async () => {
		await sim.setBehavior({ fault: 'midstream' });
		try {
			const stream = await ollama.chat({ model: 'llama3.2:1b', messages: question, stream: true });
			const received: string[] = [];
			const error = await captureError(
				(async () => {
					for await (const chunk of stream) received.push(chunk.message.content);
				})(),
			);
			expect(error.message).toBe('an error was encountered while running the model: unexpected EOF');
			expect(received.length).toBeGreaterThan(0);
			const raw = await post('/api/chat', JSON.stringify({ model: 'llama3.2:1b', messages: question }));
			expect(raw.status).toBe(200);
			const lines = (await raw.text()).trim().split('\n');
			expect(JSON.parse(lines.at(-1) ?? '')).toEqual({ error: 'an error was encountered while running the model: unexpected EOF' });
			const whole = await captureError(ollama.chat({ model: 'llama3.2:1b', messages: question }));
			expect(whole).toMatchObject({ status_code: 500 });
			expect(sim.stats().faults.midstream).toBe(3);
		} finally {
			await sim.setBehavior({ fault: 'none' });
		}
		expect((await collect(await ollama.chat({ model: 'llama3.2:1b', messages: question, stream: true }))).at(-1)?.done).toBe(true);
	});
});
