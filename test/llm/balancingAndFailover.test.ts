import { ManualClock } from '@charbot/core';
import type { LlmPool } from '@charbot/llm';
import type { OllamaSim, SimBehavior } from '@charbot/ollama-sim';
import { waitFor } from '@charbot/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { chatRequests, settingsFor, startPool, startSims } from './llmFixtures.js';

let sims: OllamaSim[] = [];
let pool: LlmPool | undefined;

afterEach(async () => {
	await pool?.close();
	await Promise.all(sims.map((sim) => sim.close()));
	pool = undefined;
	sims = [];
});

const ask = (target: LlmPool, index: number) => target.generate({ prompt: `question number ${index}`, useCache: false });

describe('balancing over simulated Ollama hosts', () => {
	it('spreads load fairly over equal hosts and counts who served what', async () => {
		sims = await startSims(3);
		pool = await startPool({ settings: settingsFor(sims) });
		const target = pool;
		const results = await Promise.all(Array.from({ length: 90 }, (_, index) => ask(target, index)));
		expect(results.every((result) => result.text.length > 0 && !result.cacheHit)).toBe(true);
		const served = sims.map(chatRequests);
		expect(served.reduce((sum, count) => sum + count, 0)).toBe(90);
		for (const count of served) expect(count).toBeGreaterThanOrEqual(15);
		const snapshot = pool.snapshot();
		expect(Object.values(snapshot.hosts).reduce((sum, host) => sum + host.served, 0)).toBe(90);
		expect(new Set(results.map((result) => result.host))).toEqual(new Set(sims.map((sim) => sim.url)));
	});

	it('never sends a host more requests at once than its limit', async () => {
		sims = await startSims(2, { tokensPerSecond: 200, numParallel: 8 });
		pool = await startPool({ settings: settingsFor(sims, { maxParallelPerHost: 2 }) });
		const target = pool;
		await Promise.all(Array.from({ length: 20 }, (_, index) => ask(target, index)));
		for (const sim of sims) expect(sim.stats().maxInFlight).toBeLessThanOrEqual(2);
	});

	it('does not pick a cold host while a warm one has capacity', async () => {
		const [warm] = await startSims(1);
		const [cold] = await startSims(1, { preloaded: false, loadMs: 2000 });
		sims = [warm as OllamaSim, cold as OllamaSim];
		pool = await startPool({ settings: settingsFor(sims) });
		for (let index = 0; index < 6; index += 1) expect((await ask(pool, index)).host).toBe(warm?.url);
		expect(cold?.stats().loads).toBe(0);
	});
});

describe('failover', () => {
	const faults: Partial<SimBehavior>[] = [
		{ fault: 'refuse' },
		{ fault: 'hang' },
		{ fault: 'http500' },
		{ fault: 'http503' },
		{ fault: 'midstream' },
		{ fault: 'abrupt-close' },
	];
	for (const fault of faults) {
		it(`answers every request when one host has fault "${fault.fault}"`, async () => {
			sims = await startSims(2);
			const [broken, healthy] = sims as [OllamaSim, OllamaSim];
			pool = await startPool({ settings: settingsFor(sims), timeouts: { warmFirstTokenMs: 400, connectMs: 500 } });
			await broken.setBehavior(fault);
			const target = pool;
			const results = await Promise.all(Array.from({ length: 8 }, (_, index) => ask(target, index)));
			expect(results.every((result) => result.host === healthy.url)).toBe(true);
			expect(pool.snapshot().failures).toBe(0);
		});
	}

	it('cools a failing host down, then probes it and brings it back', async () => {
		sims = await startSims(2);
		const [flaky, steady] = sims as [OllamaSim, OllamaSim];
		// The pool's clock moves only when the test moves it, so the cooldown neither runs out under load nor needs waiting for.
		const clock = new ManualClock(Date.now());
		pool = await startPool({ settings: settingsFor(sims), clock, breaker: { failureThreshold: 2, cooldownMs: 2000, maxCooldownMs: 2000 } });
		await flaky.setBehavior({ fault: 'http500' });
		for (let index = 0; index < 12; index += 1) expect((await ask(pool, index)).host).toBe(steady.url);
		const sick = (await pool.health()).hosts.find((host) => host.url === flaky.url);
		expect(sick?.circuit).toBe('open');
		const failedCalls = chatRequests(flaky);
		expect(failedCalls).toBeLessThanOrEqual(3);
		await flaky.setBehavior({ fault: 'none' });
		for (let index = 0; index < 4; index += 1) expect((await ask(pool, 50 + index)).host, 'still cooling down').toBe(steady.url);
		clock.advance(2000);
		const hosts = new Set<string>();
		for (let index = 0; index < 20; index += 1) hosts.add((await ask(pool, 100 + index)).host);
		expect(hosts.has(flaky.url)).toBe(true);
		expect((await pool.health()).hosts.find((host) => host.url === flaky.url)?.circuit).toBe('closed');
	});

	it('waits for a recovering host when every host is cooling, instead of failing at once', async () => {
		sims = await startSims(1);
		const [only] = sims as [OllamaSim];
		pool = await startPool({
			settings: settingsFor(sims),
			breaker: { failureThreshold: 1, cooldownMs: 400, maxCooldownMs: 400 },
			retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 20 },
		});
		await only.setBehavior({ fault: 'http500' });
		const pending = pool.generate({ prompt: 'hello?', useCache: false, timeoutMs: 5000 });
		setTimeout(() => void only.setBehavior({ fault: 'none' }), 200);
		const result = await pending;
		expect(result.host).toBe(only.url);
		expect(result.attempts).toBe(2);
	});

	it('names the model and hosts when no host has the model, and does not retry a 400', async () => {
		sims = await startSims(2);
		pool = await startPool({ settings: settingsFor(sims) });
		await expect(pool.generate({ prompt: 'hi', model: 'no-such-model:7b', useCache: false })).rejects.toThrow(
			`Model "no-such-model:7b" is not available on any host (${sims[0]?.url}, ${sims[1]?.url})`,
		);
		const before = sims.map(chatRequests).reduce((sum, count) => sum + count, 0);
		await expect(pool.generate({ messages: [{ role: 'user', content: 'x' }], format: 'yaml' as 'json', useCache: false })).rejects.toMatchObject({
			code: 'invalid-request',
		});
		expect(sims.map(chatRequests).reduce((sum, count) => sum + count, 0) - before).toBe(1);
	});

	it('gives up at the deadline and cancels upstream work on abort', async () => {
		sims = await startSims(1, { tokensPerSecond: 5, replyTokens: 200 });
		const [slow] = sims as [OllamaSim];
		pool = await startPool({ settings: settingsFor(sims) });
		const started = Date.now();
		await expect(pool.generate({ prompt: 'long story', useCache: false, timeoutMs: 300 })).rejects.toMatchObject({ code: 'deadline-exceeded' });
		expect(Date.now() - started).toBeLessThan(1500);
		const controller = new AbortController();
		const pending = pool.generate({ prompt: 'another long story', useCache: false, signal: controller.signal });
		setTimeout(() => controller.abort(), 150);
		await expect(pending).rejects.toMatchObject({ code: 'aborted' });
		await waitFor(() => slow.stats().inFlight === 0, 'the aborted call to end at the host');
	});
});
