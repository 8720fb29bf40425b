import { SettingsStore } from '@charbot/conversation';
import { buildJobData, deliverJobId, QueueName, regenerateJobId, reviewJobId } from '@charbot/core';
import { LlmPool } from '@charbot/llm';
import { type OllamaSim, startOllamaSim } from '@charbot/ollama-sim';
import { lazyLlmPool } from '@charbot/quality-control';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existingJob, type MessagePlace, reviewJob, type RunningQc, settledJob, type SharedParts, startQc, startSharedParts } from './qcHarness.js';

const model = 'llama3.2:1b';
let parts: SharedParts;
let sim: OllamaSim;
let place: MessagePlace;
let running: RunningQc;
let pools: ReturnType<typeof lazyLlmPool>;

beforeAll(async () => {
	[parts, sim] = await Promise.all([startSharedParts(), startOllamaSim({ models: [model], preloaded: true, tokensPerSecond: 2000, timeToFirstTokenMs: 5 })]);
	const seed = parts.emulator.seed;
	if (seed === null) throw new Error('the emulator has no seeded world');
	place = { guildId: seed.guildId, channelId: seed.channels['bot-lab'] ?? '', authorId: seed.users.alice ?? '' };
	pools = lazyLlmPool(async () => {
		const pool = new LlmPool({
			settings: {
				hosts: [{ url: sim.url, weight: 1, labels: [] }],
				roles: { chat: { model }, judge: { model }, escalation: { model } },
				requestTimeoutMs: 5000,
				maxParallelPerHost: 4,
				cacheTtlSeconds: 0,
				cacheMaxSize: 100,
				healthIntervalMs: 30_000,
			},
			logger: parts.logger,
			allowSimulated: true,
			warmUp: false,
			retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 20 },
		});
		await pool.start();
		return { pool, close: () => pool.close() };
	});
	running = await startQc(parts, { llm: pools.get });
	await new SettingsStore(parts.producer, running.keys).update(place.guildId, { judge: true }, place.channelId);
});
afterAll(async () => {
	await running?.close();
	await pools?.close();
	await Promise.all([parts?.close(), sim?.close()]);
});

function judgeAnswers(marker: string, answer: object): void {
	sim.addScript({ match: marker, reply: JSON.stringify(answer), times: 1 });
}

async function review(text: string) {
	const job = reviewJob(place, text);
	await running.reviewQueue.add('review', buildJobData(QueueName.Review, job), { jobId: reviewJobId(job.jobKey, 1) });
	return job;
}

describe('the LLM judge', () => {
	it('asks the judge role for structured output and delivers when it passes', async () => {
		const marker = `judge-pass-${Date.now()}`;
		judgeAnswers(marker, { inCharacter: 0.9, onTopic: 0.8, verdict: 'pass', reasons: [] });
		const before = sim.stats().requests.byEndpoint['/api/chat'] ?? 0;
		const job = await review(`Heh heh, the canoe is a ${marker}.`);
		const delivered = await settledJob(running.deliverQueue, deliverJobId(job.jobKey));
		expect(delivered.data.score).toBe(0.925);
		expect(sim.stats().requests.byEndpoint['/api/chat']).toBe(before + 1);
		expect(running.counters.snapshot().judge.used).toBeGreaterThanOrEqual(1);
	});

	it("regenerates with the judge's reasons when it fails a reply the rules passed", async () => {
		const marker = `judge-fail-${Date.now()}`;
		judgeAnswers(marker, { inCharacter: 0.1, onTopic: 0.3, verdict: 'fail', reasons: ['Sounds like a butler, not Peter'] });
		const job = await review(`Good evening. I shall attend to the ${marker} at once.`);
		const retry = await existingJob(running.routeQueue, regenerateJobId(job.jobKey, 1));
		const [attempt] = (retry.data as { failedAttempts: { reasons: string[] }[] }).failedAttempts;
		expect(attempt?.reasons).toEqual(['Judge: Sounds like a butler, not Peter (in character 0.10, on topic 0.30)']);
	});

	it('decides on the rules alone when the judge answers something that is not the schema', async () => {
		const marker = `judge-garbage-${Date.now()}`;
		sim.addScript({ match: marker, reply: 'I think it is fine!', times: 5 });
		const job = await review(`Heh, ${marker} it is.`);
		const delivered = await settledJob(running.deliverQueue, deliverJobId(job.jobKey));
		expect(delivered.data.score).toBe(1);
	});

	it('decides on the rules alone when the judge host fails, and still catches rule failures', async () => {
		const failedBefore = running.counters.snapshot().judge.failed ?? 0;
		await sim.setBehavior({ fault: 'http500', faultRate: 1 });
		try {
			const good = await review(`Heh heh heh, nobody touches my remote. ${Date.now()}`);
			const delivered = await settledJob(running.deliverQueue, deliverJobId(good.jobKey));
			expect(await delivered.getState()).toBe('completed');
			expect(delivered.data.score).toBe(1);
			expect(running.counters.snapshot().judge.failed).toBe(failedBefore + 1);
			expect(parts.logs.some((line) => line.msg === 'judge failed; deciding on rules alone' && line.jobKey === good.jobKey)).toBe(true);

			const bad = await review('As an AI language model, I cannot watch TV.');
			await existingJob(running.routeQueue, regenerateJobId(bad.jobKey, 1));
		} finally {
			await sim.setBehavior({ fault: 'none' });
		}
	});
});
