import { startOllamaSim } from '@charbot/ollama-sim';
import { Ollama } from 'ollama';
import { describe, expect, it } from 'vitest';

const question = [{ role: 'user', content: 'Hello?' }];
// Generous: the machine is shared and noisy.
const tolerance = 0.35;
const near = (actual: number, expected: number) => {
	expect(actual).toBeGreaterThanOrEqual(expected * (1 - tolerance));
	expect(actual).toBeLessThanOrEqual(expected * (1 + tolerance));
};
const ms = (ns: number) => ns / 1e6;

describe('ollama-sim timing model', () => {
	it('serves 4N requests on N parallel slots in about 4T', async () => {
		const slots = 3;
		const sim = await startOllamaSim({ numParallel: slots, tokensPerSecond: 100, timeToFirstTokenMs: 0, promptTokensPerSecond: 1e6, preloaded: true });
		const ollama = new Ollama({ host: sim.url });
		try {
			const perRequestMs = 300; // 30 tokens at 100 tokens/s
			const started = performance.now();
			const replies = await Promise.all(
				Array.from({ length: 4 * slots }, () => ollama.chat({ model: 'llama3.2:1b', messages: question, options: { num_predict: 30 } })),
			);
			near(performance.now() - started, 4 * perRequestMs);
			expect(replies.every((reply) => reply.eval_count === 30 && reply.done_reason === 'length')).toBe(true);
			const totals = replies.map((reply) => ms(reply.total_duration)).sort((a, b) => a - b);
			near(totals[0] ?? 0, perRequestMs);
			near(totals.at(-1) ?? 0, 4 * perRequestMs);
			expect(sim.stats()).toMatchObject({ maxActive: slots, maxQueued: 3 * slots, active: 0, queued: 0, tokensGenerated: 4 * slots * 30 });
		} finally {
			await sim.close();
		}
	});

	it('streams tokens at the model rate, with headers and the first token after load and prompt evaluation', async () => {
		const sim = await startOllamaSim({ tokensPerSecond: 50, timeToFirstTokenMs: 100, loadMs: 300 });
		const ollama = new Ollama({ host: sim.url });
		try {
			const started = performance.now();
			const stream = await ollama.chat({ model: 'llama3.2:1b', messages: question, stream: true, options: { num_predict: 20 } });
			let firstAt = 0;
			for await (const chunk of stream) {
				firstAt ||= performance.now() - started;
				if (chunk.done) near(ms(chunk.eval_duration), 400);
			}
			near(firstAt, 300 + 100 + 20);
			near(performance.now() - started, 300 + 100 + 400);
		} finally {
			await sim.close();
		}
	});

	it('adds load_duration once on a cold model, shared by requests that wait for the same load', async () => {
		const sim = await startOllamaSim({ loadMs: 400, tokensPerSecond: 1000 });
		const ollama = new Ollama({ host: sim.url });
		try {
			const cold = await Promise.all([1, 2, 3].map(() => ollama.chat({ model: 'llama3.2:1b', messages: question })));
			for (const reply of cold) near(ms(reply.load_duration), 400);
			const warm = await ollama.chat({ model: 'llama3.2:1b', messages: question });
			expect(ms(warm.load_duration)).toBeLessThan(20);
			expect(sim.stats().loads).toBe(1);
		} finally {
			await sim.close();
		}
	});

	it('unloads after keep_alive and loads cold again on the next request', async () => {
		const sim = await startOllamaSim({ loadMs: 250, keepAliveMs: 300, tokensPerSecond: 1000 });
		const ollama = new Ollama({ host: sim.url });
		try {
			near(ms((await ollama.chat({ model: 'llama3.2:1b', messages: question })).load_duration), 250);
			expect(ms((await ollama.chat({ model: 'llama3.2:1b', messages: question })).load_duration)).toBeLessThan(20);
			await new Promise((resolve) => setTimeout(resolve, 450));
			expect((await ollama.ps()).models).toEqual([]);
			near(ms((await ollama.chat({ model: 'llama3.2:1b', messages: question })).load_duration), 250);
			// A request's own keep_alive wins over the default.
			await ollama.chat({ model: 'llama3.2:1b', messages: question, keep_alive: '5s' });
			await new Promise((resolve) => setTimeout(resolve, 450));
			expect((await ollama.ps()).models).toHaveLength(1);
			await ollama.chat({ model: 'llama3.2:1b', messages: question, keep_alive: 0 });
			expect((await ollama.ps()).models).toEqual([]);
			expect(sim.stats()).toMatchObject({ loads: 2, unloads: 2 });
		} finally {
			await sim.close();
		}
	});

	it('makes waiting requests time out on the client while a slow model loads ("alive but not ready")', async () => {
		const sim = await startOllamaSim({ loadMs: 2000 });
		const impatient = new Ollama({ host: sim.url, fetch: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(300) }) });
		try {
			const failed = await impatient.chat({ model: 'llama3.2:1b', messages: question }).then(
				() => 'answered',
				(error: Error) => error.name,
			);
			expect(failed).toBe('TimeoutError');
			expect((await impatient.list()).models).toHaveLength(1);
			await new Promise((resolve) => setTimeout(resolve, 50));
			expect(sim.stats()).toMatchObject({ queued: 0, inFlight: 0, loads: 0 });
		} finally {
			await sim.close();
		}
	});

	it('frees the slot at once when a client gives up mid-stream', async () => {
		const sim = await startOllamaSim({ numParallel: 1, tokensPerSecond: 20, preloaded: true, replyTokens: 200 });
		const ollama = new Ollama({ host: sim.url });
		try {
			const stream = await ollama.chat({ model: 'llama3.2:1b', messages: question, stream: true });
			let seen = 0;
			const stopped = await (async () => {
				for await (const _chunk of stream) {
					seen += 1;
					if (seen === 3) stream.abort();
				}
			})().catch((error: Error) => error.name);
			expect(stopped).toBe('AbortError');
			await new Promise((resolve) => setTimeout(resolve, 50));
			expect(sim.stats()).toMatchObject({ active: 0, inFlight: 0 });
			const started = performance.now();
			await ollama.chat({ model: 'llama3.2:1b', messages: question, options: { num_predict: 4 } });
			near(performance.now() - started, 250);
		} finally {
			await sim.close();
		}
	});
});
