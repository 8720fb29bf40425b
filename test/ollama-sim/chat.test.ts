import { countTokens, type OllamaSim, startOllamaSim } from '@charbot/ollama-sim';
import { Ollama } from 'ollama';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { collect } from './collect.js';

const question = [{ role: 'user', content: 'What did you do today?' }];

describe('ollama-sim chat and generate through the official client', () => {
	let sim: OllamaSim;
	let ollama: Ollama;

	beforeAll(async () => {
		sim = await startOllamaSim({ name: 'sim-chat', loadMs: 30, tokensPerSecond: 2000, timeToFirstTokenMs: 5, numParallel: 4, preloaded: true });
		ollama = new Ollama({ host: sim.url });
	});
	afterAll(() => sim.close());

	it('answers a non-streaming chat with text and consistent metrics', async () => {
		const reply = await ollama.chat({ model: 'llama3.2:1b', messages: question });
		expect(reply).toMatchObject({ model: 'llama3.2:1b', done: true, done_reason: 'stop', message: { role: 'assistant' } });
		expect(reply.message.content).toMatch(/^[A-Z].*[.?!]$/);
		expect(reply.eval_count).toBe(countTokens(reply.message.content));
		expect(reply.eval_count).toBeGreaterThanOrEqual(39);
		expect(reply.eval_duration).toBeCloseTo((reply.eval_count / 2000) * 1e9, -3);
		expect(reply.prompt_eval_count).toBe(countTokens(question[0]?.content ?? '') + 4);
		expect(reply.total_duration).toBeGreaterThan(reply.eval_duration);
		expect(reply.load_duration).toBeGreaterThan(0);
	});

	it('streams the same reply as NDJSON chunks, one token each, ending in one done chunk', async () => {
		const whole = await ollama.chat({ model: 'llama3.2:1b', messages: question });
		const chunks = await collect(await ollama.chat({ model: 'llama3.2:1b', messages: question, stream: true }));
		const last = chunks.at(-1);
		expect(chunks.filter((chunk) => chunk.done)).toEqual([last]);
		expect(last).toMatchObject({ done_reason: 'stop', eval_count: whole.eval_count, message: { role: 'assistant', content: '' } });
		expect(chunks.length).toBe(whole.eval_count + 1);
		expect(chunks.map((chunk) => chunk.message.content).join('')).toBe(whole.message.content);
		const raw = await fetch(`${sim.url}/api/chat`, { method: 'POST', body: JSON.stringify({ model: 'llama3.2:1b', messages: question }) });
		expect(raw.headers.get('content-type')).toBe('application/x-ndjson');
		const lines = (await raw.text()).trim().split('\n');
		expect(lines.length).toBe(chunks.length);
		expect(JSON.parse(lines[0] ?? '')).toMatchObject({ model: 'llama3.2:1b', message: { role: 'assistant' }, done: false });
	});

	it('serves generate streaming and non-streaming, with context on the final chunk', async () => {
		const whole = await ollama.generate({ model: 'llama3.2:1b', prompt: 'Tell me a story.', system: 'Be brief.' });
		expect(whole).toMatchObject({ done: true, done_reason: 'stop' });
		expect((whole.response ?? '').length).toBeGreaterThan(50);
		expect(whole.context.length).toBeGreaterThan(whole.eval_count);
		const chunks = await collect(await ollama.generate({ model: 'llama3.2:1b', prompt: 'Tell me a story.', system: 'Be brief.', stream: true }));
		expect(chunks.map((chunk) => chunk.response).join('')).toBe(whole.response);
		expect(chunks.at(-1)?.context).toEqual(whole.context);
	});

	it('honours num_predict, stop, seed, temperature and num_ctx', async () => {
		const cut = await ollama.chat({ model: 'llama3.2:1b', messages: question, options: { num_predict: 5 } });
		expect(cut).toMatchObject({ done_reason: 'length', eval_count: 5 });
		const full = await ollama.chat({ model: 'llama3.2:1b', messages: question });
		const word = full.message.content.split(' ')[3] ?? '';
		const stopped = await ollama.chat({ model: 'llama3.2:1b', messages: question, options: { stop: [word] } });
		expect(stopped.done_reason).toBe('stop');
		expect(full.message.content.startsWith(stopped.message.content)).toBe(true);
		expect(stopped.message.content).not.toContain(word);
		const seeded = (seed: number, temperature = 0.8) =>
			ollama.chat({ model: 'llama3.2:1b', messages: question, options: { seed, temperature } }).then((r) => r.message.content);
		expect(await seeded(1)).toBe(await seeded(1));
		expect(await seeded(1)).not.toBe(await seeded(2));
		expect(await seeded(1, 0)).toBe(await seeded(2, 0));
		const long = [{ role: 'user', content: 'word '.repeat(500) }];
		const truncated = await ollama.chat({ model: 'llama3.2:1b', messages: long, options: { num_ctx: 128 } });
		const thinking = await ollama
			.chat({ model: 'llama3.2:1b', messages: question, think: true })
			.catch((error: { status_code?: number; message: string }) => error);
		expect(thinking).toMatchObject({ status_code: 400, message: '"llama3.2:1b" does not support thinking' });
		expect(truncated.prompt_eval_count).toBe(128);
	});

	it('answers load and unload requests with done_reason load and unload', async () => {
		const unloaded = await ollama.chat({ model: 'llama3.2:1b', messages: [], keep_alive: 0 });
		expect(unloaded).toMatchObject({ done: true, done_reason: 'unload', message: { role: 'assistant', content: '' } });
		expect((await ollama.ps()).models).toEqual([]);
		const loaded = await ollama.chat({ model: 'llama3.2:1b', messages: [] });
		expect(loaded).toMatchObject({ done: true, done_reason: 'load' });
		expect((await ollama.ps()).models.map((model) => model.name)).toEqual(['llama3.2:1b']);
		const generateLoad = await ollama.generate({ model: 'llama3.2:1b', prompt: '' });
		expect(generateLoad).toMatchObject({ done_reason: 'load', response: '' });
		const streamedLoad = await collect(await ollama.chat({ model: 'llama3.2:1b', messages: [], stream: true }));
		expect(streamedLoad).toHaveLength(1);
		expect(streamedLoad[0]?.done_reason).toBe('load');
	});

	it('returns JSON matching a JSON schema for format, and plain JSON for format json', async () => {
		const verdict = z.object({
			pass: z.boolean(),
			score: z.number().int().min(1).max(10),
			category: z.enum(['in-character', 'out-of-character']),
			reason: z.string().min(10),
			issues: z.array(z.object({ kind: z.string(), severity: z.number().min(0).max(1) })),
		});
		for (const content of ['Is this in character?', 'Judge this reply.', 'Score it.']) {
			const reply = await ollama.chat({ model: 'llama3.2:1b', messages: [{ role: 'user', content }], format: z.toJSONSchema(verdict) });
			expect(verdict.safeParse(JSON.parse(reply.message.content)).success).toBe(true);
		}
		const streamed = await collect(await ollama.chat({ model: 'llama3.2:1b', messages: question, format: z.toJSONSchema(verdict), stream: true }));
		expect(verdict.safeParse(JSON.parse(streamed.map((chunk) => chunk.message.content).join(''))).success).toBe(true);
		const json = await ollama.generate({ model: 'llama3.2:1b', prompt: 'Answer in JSON', format: 'json' });
		expect(typeof JSON.parse(json.response ?? '')).toBe('object');
	});

	it('produces a 5,000-character reply when asked for long replies', async () => {
		const longSim = await startOllamaSim({ replyTokens: 1500, tokensPerSecond: 20_000, loadMs: 0, preloaded: true });
		try {
			const client = new Ollama({ host: longSim.url });
			const chunks = await collect(await client.chat({ model: 'llama3.2:1b', messages: question, stream: true }));
			const text = chunks.map((chunk) => chunk.message.content).join('');
			expect(text.length).toBeGreaterThan(5000);
			expect(text.split(/(?<=[.?!])\s+/).length).toBeGreaterThan(40);
			expect(chunks.at(-1)?.eval_count).toBe(countTokens(text));
		} finally {
			await longSim.close();
		}
	});
});
