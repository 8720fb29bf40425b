import { type OllamaSim, startOllamaSim } from '@charbot/ollama-sim';
import { Ollama } from 'ollama';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureError } from './captureError.js';
import { collect } from './collect.js';

const question = [{ role: 'user', content: 'Hello?' }];

describe('ollama-sim fault injection', () => {
	let sim: OllamaSim;
	let ollama: Ollama;

	beforeEach(async () => {
		sim = await startOllamaSim({ loadMs: 0, tokensPerSecond: 500, preloaded: true, replyTokens: 30 });
		ollama = new Ollama({ host: sim.url });
	});
	afterEach(() => sim.close());

	it('refuse: connections are refused, then the same port serves again', async () => {
		await ollama.list();
		await sim.setBehavior({ fault: 'refuse' });
		const refused = await captureError(ollama.list());
		expect(refused.message).toBe('fetch failed');
		expect(refused.cause?.code).toBe('ECONNREFUSED');
		await sim.setBehavior({ fault: 'none' });
		expect((await ollama.list()).models).toHaveLength(1);
		expect(new URL(sim.url).port).toBe(String(sim.port));
	});

	it('hang: accepts and never answers, so the client times out through its AbortController', async () => {
		await sim.setBehavior({ fault: 'hang' });
		const timeoutClient = new Ollama({ host: sim.url, fetch: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(300) }) });
		const started = performance.now();
		const error = await captureError(timeoutClient.chat({ model: 'llama3.2:1b', messages: question }));
		expect(error.name).toBe('TimeoutError');
		expect(performance.now() - started).toBeGreaterThanOrEqual(290);
		expect(sim.stats()).toMatchObject({ faults: { hang: 1 } });
		// Liveness routes still answer: a hung runner is not a dead host.
		expect((await ollama.list()).models).toHaveLength(1);
	});

	it('http500 and http503 answer with Ollama error bodies', async () => {
		await sim.setBehavior({ fault: 'http500' });
		expect(await captureError(ollama.chat({ model: 'llama3.2:1b', messages: question }))).toMatchObject({
			name: 'ResponseError',
			status_code: 500,
			message: 'llama runner process has terminated: exit status 2',
		});
		await sim.setBehavior({ fault: 'http503' });
		expect(await captureError(ollama.generate({ model: 'llama3.2:1b', prompt: 'x', stream: true }))).toMatchObject({ status_code: 503 });
		expect(sim.stats().faults).toEqual({ http500: 1, http503: 1 });
	});

	it('abrupt-close: the socket dies mid-response, streaming or not', async () => {
		await sim.setBehavior({ fault: 'abrupt-close' });
		const stream = await ollama.chat({ model: 'llama3.2:1b', messages: question, stream: true });
		const received: unknown[] = [];
		const streamed = await captureError(
			(async () => {
				for await (const chunk of stream) received.push(chunk);
			})(),
		);
		expect(received.length).toBeGreaterThan(0);
		expect(streamed.message).toMatch(/terminated|other side closed|Did not receive done/);
		const whole = await captureError(ollama.chat({ model: 'llama3.2:1b', messages: question }));
		expect(whole.message).toBe('fetch failed');
	});

	it('faultRate spreads the fault evenly; faultScope all hits liveness routes too', async () => {
		await sim.setBehavior({ fault: 'http500', faultRate: 0.5 });
		const outcomes: string[] = [];
		for (let index = 0; index < 4; index += 1) {
			outcomes.push(
				await ollama.chat({ model: 'llama3.2:1b', messages: question }).then(
					() => 'ok',
					(error: { status_code?: number }) => String(error.status_code),
				),
			);
		}
		expect(outcomes).toEqual(['ok', '500', 'ok', '500']);
		expect((await ollama.list()).models).toHaveLength(1);
		await sim.setBehavior({ faultRate: 1, faultScope: 'all' });
		expect(await captureError(ollama.list())).toMatchObject({ status_code: 500 });
	});

	it('forget-model: the model leaves tags and 404s until pulled again', async () => {
		await sim.setBehavior({ forgottenModels: ['llama3.2:1b'] });
		expect((await ollama.list()).models).toEqual([]);
		expect(await captureError(ollama.chat({ model: 'llama3.2:1b', messages: question }))).toMatchObject({ status_code: 404 });
		expect(await ollama.pull({ model: 'llama3.2:1b' })).toEqual({ status: 'success' });
		expect(sim.behavior.forgottenModels).toEqual([]);
		expect((await ollama.chat({ model: 'llama3.2:1b', messages: question })).done).toBe(true);
	});

	it('slowFactor multiplies the delays', async () => {
		const timed = async () => {
			const started = performance.now();
			await ollama.chat({ model: 'llama3.2:1b', messages: question, options: { num_predict: 50 } });
			return performance.now() - started;
		};
		const normal = await timed();
		await sim.setBehavior({ slowFactor: 3 });
		const slow = await timed();
		expect(slow / normal).toBeGreaterThan(2);
		expect(slow / normal).toBeLessThan(4);
		expect(sim.stats().faults.slow).toBe(1);
	});

	it('is controlled over HTTP under /_sim, including refuse with revertAfterMs', async () => {
		const control = (path: string, init?: RequestInit) => fetch(`${sim.url}/_sim${path}`, init);
		expect(((await (await control('')).json()) as { simulated: boolean }).simulated).toBe(true);
		const set = await control('/behavior', { method: 'POST', body: JSON.stringify({ fault: 'http503' }) });
		expect(await set.json()).toMatchObject({ fault: 'http503' });
		expect(await captureError(ollama.chat({ model: 'llama3.2:1b', messages: question }))).toMatchObject({ status_code: 503 });
		const bad = await control('/behavior', { method: 'POST', body: JSON.stringify({ fault: 'explode' }) });
		expect(bad.status).toBe(400);
		expect(((await bad.json()) as { error: string }).error).toMatch(/^fault: must be one of/);
		await control('/behavior', { method: 'POST', body: JSON.stringify({ fault: 'refuse', revertAfterMs: 300 }) });
		expect((await captureError(ollama.list())).cause?.code).toBe('ECONNREFUSED');
		await new Promise((resolve) => setTimeout(resolve, 500));
		expect(sim.behavior.fault).toBe('http503');
		await control('/behavior', { method: 'POST', body: JSON.stringify({ fault: 'none' }) });
		await control('/scripts', { method: 'POST', body: JSON.stringify({ match: '^ping$', regex: true, reply: 'pong', times: 1 }) });
		expect((await ollama.chat({ model: 'llama3.2:1b', messages: [{ role: 'user', content: 'ping' }] })).message.content).toBe('pong');
		const stats = (await (await control('/stats')).json()) as { requests: { byEndpoint: Record<string, number> }; faults: Record<string, number> };
		expect(stats.requests.byEndpoint['/api/chat']).toBe(2);
		expect(stats.faults.http503).toBe(1);
		await control('/digest', { method: 'POST', body: JSON.stringify({ model: 'llama3.2:1b', digest: 'b'.repeat(64) }) });
		expect((await ollama.list()).models[0]?.digest).toBe('b'.repeat(64));
		expect((await collect(await ollama.chat({ model: 'llama3.2:1b', messages: question, stream: true }))).at(-1)?.done).toBe(true);
	});
});
