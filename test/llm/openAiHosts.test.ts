import { ContextOverflowError, generateObject, type LlmPool } from '@charbot/llm';
import type { OllamaSim, OllamaSimOptions } from '@charbot/ollama-sim';
import { type RedisServer, startRedisServer, waitFor } from '@charbot/testkit';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { model, redisCache, settingsFor, startPool, startSims } from './llmFixtures.js';

// The name a vLLM server gives the model the roles call llama3.2:1b.
const servedName = 'meta-llama/Llama-3.2-1B-Instruct';
const apiKey = 'sk-test-key-123456';
// A 1x1 PNG.
const picture = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

async function startVllmLike(name: string, options: OllamaSimOptions = {}): Promise<OllamaSim> {
	const [sim] = await startSims(1, { name, api: 'openai', apiKey, models: [servedName, { name: 'llava:7b', vision: true }], ...options });
	return sim as OllamaSim;
}

const openAiHost = (sim: OllamaSim, extra: Record<string, unknown> = {}) => ({
	url: `${sim.url}/v1`,
	kind: 'openai' as const,
	apiKey,
	weight: 1,
	labels: [],
	models: { [model]: servedName },
	dialect: 'vllm' as const,
	...extra,
});

const chatCompletions = (sim: OllamaSim) => sim.stats().requests.byEndpoint['/v1/chat/completions'] ?? 0;

describe('an OpenAI-compatible host in the pool', () => {
	let vllm: OllamaSim;
	let pool: LlmPool;

	beforeAll(async () => {
		vllm = await startVllmLike('vllm');
		pool = await startPool({
			settings: settingsFor([], { hosts: [openAiHost(vllm)], roles: { chat: { model }, judge: { model }, vision: { model: 'llava:7b' } } }),
		});
	});
	afterAll(async () => {
		await pool?.close();
		await vllm?.close();
	});

	it('is healthy from /models and serves the role under its own name for the model, streamed, with token counts', async () => {
		const health = await pool.health();
		expect(health.ready).toBe(true);
		expect(health.hosts[0]).toMatchObject({ kind: 'openai', alive: true });
		expect([...(health.hosts[0]?.models ?? [])].sort()).toEqual(['llava:7b', servedName]);
		const result = await pool.generate({ prompt: 'Peter, say something', useCache: false, settings: { maxTokens: 40, seed: 3 } });
		expect(result).toMatchObject({ host: `${vllm.url}/v1`, model: servedName, doneReason: 'stop', evalTokens: 12 });
		expect(result.promptTokens).toBeGreaterThan(0);
		expect(result.text.length).toBeGreaterThan(10);
		const record = vllm.requestRecords().at(-1);
		expect(record).toMatchObject({ api: 'openai', model: `${servedName}:latest` });
	});

	it('asks for structured output with response_format and gets JSON matching the schema', async () => {
		const verdict = z.object({ score: z.number().min(0).max(1), reason: z.string() });
		const { object, result } = await generateObject(pool, verdict, { role: 'judge', prompt: 'Rate it', useCache: false });
		expect(verdict.safeParse(object).success).toBe(true);
		expect(result.host).toBe(`${vllm.url}/v1`);
	});

	it('shows pictures to the vision model as data URLs', async () => {
		const result = await pool.generate({ role: 'vision', messages: [{ role: 'user', content: 'Look!', images: [picture] }], useCache: false });
		expect(result.text).toMatch(/^I saw 1 image\./);
		expect(vllm.requestRecords().at(-1)?.images).toHaveLength(1);
	});

	it('fails a prompt longer than the model context at once, as no retry can fix it', async () => {
		const small = await startVllmLike('small-context', { models: [{ name: servedName, contextLength: 64 }] });
		const tight = await startPool({ settings: settingsFor([], { hosts: [openAiHost(small)] }) });
		try {
			const failure = tight.generate({ prompt: 'word '.repeat(400), useCache: false });
			await expect(failure).rejects.toBeInstanceOf(ContextOverflowError);
			await expect(failure).rejects.toMatchObject({ retryable: false });
			expect(chatCompletions(small)).toBe(1);
		} finally {
			await tight.close();
			await small.close();
		}
	});
});

describe('keys, busy hosts and load in a mixed pool', () => {
	let ollama: OllamaSim;
	let vllm: OllamaSim;

	beforeAll(async () => {
		[ollama] = (await startSims(1)) as [OllamaSim];
		vllm = await startVllmLike('vllm-mixed');
	});
	afterAll(async () => {
		await Promise.all([ollama?.close(), vllm?.close()]);
	});

	it('spreads requests over an Ollama and an OpenAI-compatible host, and keeps their cached answers apart', async () => {
		const redis: RedisServer = await startRedisServer();
		const { cache, redis: connection } = await redisCache(redis.url);
		const pool = await startPool({ settings: settingsFor([ollama], { hosts: [...settingsFor([ollama]).hosts, openAiHost(vllm)] }), cache });
		try {
			const before = { ollama: ollama.stats().requests.byEndpoint['/api/chat'] ?? 0, vllm: chatCompletions(vllm) };
			const results = await Promise.all(Array.from({ length: 16 }, (_, index) => pool.generate({ prompt: `question ${index}`, useCache: false })));
			expect(new Set(results.map((result) => result.host))).toEqual(new Set([ollama.url, `${vllm.url}/v1`]));
			expect((ollama.stats().requests.byEndpoint['/api/chat'] ?? 0) - before.ollama).toBeGreaterThan(0);
			expect(chatCompletions(vllm) - before.vllm).toBeGreaterThan(0);
			// The same question against an Ollama-only pool is another cache entry: what serves the model is in the key.
			const first = await pool.generate({ prompt: 'a cached question', settings: { temperature: 0 } });
			expect((await pool.generate({ prompt: 'a cached question', settings: { temperature: 0 } })).cacheHit).toBe(true);
			const ollamaOnly = await startPool({ settings: settingsFor([ollama]), cache });
			try {
				expect((await ollamaOnly.generate({ prompt: 'a cached question', settings: { temperature: 0 } })).cacheHit).toBe(false);
			} finally {
				await ollamaOnly.close();
			}
			expect(first.cacheHit).toBe(false);
		} finally {
			await pool.close();
			(connection as Redis).disconnect();
			await redis.close();
		}
	});

	it('marks a host whose key is refused as failing its health check, naming the key, and serves from the others', async () => {
		const pool = await startPool({
			settings: settingsFor([ollama], { hosts: [...settingsFor([ollama]).hosts, openAiHost(vllm, { apiKey: 'sk-wrong-key-000' })] }),
		});
		try {
			const health = await pool.health();
			const refused = health.hosts.find((host) => host.kind === 'openai');
			expect(refused).toMatchObject({ alive: false, error: expect.stringMatching(/\/v1\/models answered HTTP 401 \(API key refused\)/) });
			expect(JSON.stringify(health)).not.toContain('sk-wrong-key-000');
			expect((await pool.generate({ prompt: 'still answered', useCache: false })).host).toBe(ollama.url);
		} finally {
			await pool.close();
		}
	});

	it('sends the work elsewhere when a host answers 429, and leaves it alone for its Retry-After', async () => {
		const pool = await startPool({ settings: settingsFor([ollama], { hosts: [...settingsFor([ollama]).hosts, openAiHost(vllm)] }) });
		try {
			await vllm.setBehavior({ fault: 'http429', retryAfterSeconds: 30 });
			const results = await Promise.all(Array.from({ length: 12 }, (_, index) => pool.generate({ prompt: `busy ${index}`, useCache: false })));
			expect(results.every((result) => result.host === ollama.url)).toBe(true);
			// One 429 (or one per request already on its way) and then nothing more for the Retry-After.
			const refusedBy = vllm.stats();
			expect(refusedBy.faults.http429 ?? 0).toBeGreaterThan(0);
			expect(refusedBy.faults.http429 ?? 0).toBeLessThanOrEqual(4);
			const vllmState = pool.hostStates.find((host) => host.kind === 'openai');
			expect(vllmState?.busyUntil).toBeGreaterThan(Date.now() + 20_000);
		} finally {
			await vllm.setBehavior({ fault: 'none' });
			await pool.close();
		}
	});

	it("counts other processes' requests on a vLLM host from its /metrics when choosing a host", async () => {
		const slow = await startVllmLike('vllm-busy', { tokensPerSecond: 5, replyTokens: 40, numParallel: 2 });
		const settings = settingsFor([], { hosts: [openAiHost(slow)] });
		const other = await startPool({ settings: { ...settings, maxParallelPerHost: 16 } });
		const pool = await startPool({ settings: settingsFor([ollama], { hosts: [...settingsFor([ollama]).hosts, openAiHost(slow)] }) });
		// Another process keeps the vLLM host busy: its own count says so, ours is zero.
		const stopOther = new AbortController();
		const elsewhere = Array.from({ length: 6 }, (_, index) =>
			other.generate({ prompt: `elsewhere ${index}`, useCache: false, signal: stopOther.signal }).catch(() => undefined),
		);
		try {
			await waitFor(() => slow.stats().inFlight === 6, 'six requests from the other process on the vLLM host');
			await pool.checkHealth();
			const state = pool.hostStates.find((host) => host.kind === 'openai');
			expect(state?.serverLoad).toMatchObject({ running: 2, waiting: 4 });
			expect(state?.othersLoad).toBe(6);
			// As many as the Ollama host takes at once: without the vLLM host's own count, about half would go there.
			const results = await Promise.all(Array.from({ length: 4 }, (_, index) => pool.generate({ prompt: `mine ${index}`, useCache: false })));
			expect(results.map((result) => result.host)).toEqual(Array.from({ length: 4 }, () => ollama.url));
		} finally {
			// The other process's slow requests are cancelled, not left to run out.
			stopOther.abort();
			await Promise.all([other.close(), pool.close(), ...elsewhere]);
			await slow.close();
		}
	});
});
