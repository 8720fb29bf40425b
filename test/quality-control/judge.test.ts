import { SettingsStore } from '@charbot/stores';
import { buildJobData, deliverJobId, QueueName, regenerateJobId, reviewJobId } from '@charbot/contracts';
import { LlmPool } from '@charbot/llm';
import { type OllamaSim, startOllamaSim } from '@charbot/ollama-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lazyLlmPool } from '../../apps/quality-control/src/judge/LlmSource.js';
import { judgeInstructions } from '../../apps/quality-control/src/judge/buildJudgePrompt.js';
import {
	existingJob,
	type MessagePlace,
	reviewJob,
	type RunningQc,
	type SharedParts,
	settledJob,
	startQc,
	startSharedParts,
	seededPlace,
} from './qcHarness.js';

const model = 'llama3.2:1b';
let parts: SharedParts;
let sim: OllamaSim;
let hangingSim: OllamaSim;
/** A channel whose judge runs on every reply the rules pass. */
let always: MessagePlace;
/** A channel whose judge runs only near the quality threshold (the default mode). */
let borderline: MessagePlace;
let running: RunningQc;
/** Quality control whose judge host accepts requests and never answers, with a short judge timeout. */
let slowJudge: RunningQc;
const pools: { close(): Promise<void> }[] = [];

/** A lazily opened pool on one simulator, as quality control gets it in production. */
function judgePool(host: OllamaSim, requestTimeoutMs: number) {
	const lazy = lazyLlmPool(async () => {
		const pool = new LlmPool({
			settings: {
				hosts: [{ url: host.url, weight: 1, labels: [] }],
				roles: { chat: { model }, judge: { model }, escalation: { model } },
				requestTimeoutMs,
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
	pools.push(lazy);
	return lazy.get;
}

beforeAll(async () => {
	const simOptions = { models: [model], preloaded: true, tokensPerSecond: 2000, timeToFirstTokenMs: 5 };
	[parts, sim, hangingSim] = await Promise.all([
		startSharedParts(),
		startOllamaSim(simOptions),
		startOllamaSim({ ...simOptions, behavior: { fault: 'hang' } }),
	]);
	always = seededPlace(parts, 'bot-lab');
	borderline = seededPlace(parts, 'kitchen');
	running = await startQc(parts, { llm: judgePool(sim, 5000) });
	// The pool's own deadline is far off, so only the judge timeout can end the wait.
	slowJudge = await startQc(parts, { llm: judgePool(hangingSim, 60_000), judgeTimeoutMs: 300 });
	const settings = new SettingsStore(parts.producer, running.keys);
	await settings.update(always.guildId, { judge: 'always' }, always.channelId);
	// A lenient channel, so a reply with one soft finding (a link: 0.6 off the score, leaving 0.4) still passes the rules.
	await settings.update(borderline.guildId, { judge: 'borderline', judgeBand: 0.15, qualityThreshold: 0.35 }, borderline.channelId);
	await new SettingsStore(parts.producer, slowJudge.keys).update(always.guildId, { judge: 'always' }, always.channelId);
});
afterAll(async () => {
	await Promise.all([running?.close(), slowJudge?.close()]);
	await Promise.all(pools.map((pool) => pool.close()));
	await Promise.all([parts?.close(), sim?.close(), hangingSim?.close()]);
});

/** The judge's next answer to a request whose prompt holds `marker`: the simulator's script wins over the schema. */
function judgeAnswers(marker: string, answer: object | string): void {
	sim.addScript({ match: marker, reply: typeof answer === 'string' ? answer : JSON.stringify(answer), times: 1 });
}

/** Judge requests the simulator has received (quality control sends it nothing else). */
function judgeRequests(host = sim): number {
	return host.stats().requests.byEndpoint['/api/chat'] ?? 0;
}

async function review(place: MessagePlace, text: string, qc = running) {
	const job = reviewJob(place, text);
	await qc.reviewQueue.add('review', buildJobData(QueueName.Review, job), { jobId: reviewJobId(job.jobKey, 1) });
	return job;
}

describe('the LLM judge', () => {
	it('in always mode, asks the judge role for a short rubric with the reply quoted, and delivers when it passes', async () => {
		const marker = `judge-pass-${Date.now()}`;
		let seen: { role: string; content: string }[] = [];
		sim.addScript({
			match: marker,
			reply: ({ messages }) => {
				seen = messages;
				return JSON.stringify({ reasons: ['Speaks as Peter and answers the question'], inCharacter: 0.9, onTopic: 0.8, verdict: 'pass' });
			},
			times: 1,
		});
		const before = { requests: judgeRequests(), promptTokens: sim.stats().promptTokens, used: running.counters.snapshot().judge.used ?? 0 };
		const job = await review(always, `Heh heh, the canoe is a ${marker}.`);
		const delivered = await settledJob(running.deliverQueue, deliverJobId(job.jobKey));
		expect(delivered.data.score).toBe(0.925);
		expect(judgeRequests()).toBe(before.requests + 1);
		expect(running.counters.snapshot().judge.used).toBe(before.used + 1);
		expect(seen.map((message) => message.role)).toEqual(['system', 'user']);
		expect(seen[0]?.content).toBe(judgeInstructions);
		expect(seen[1]?.content).toContain(`Reply by Peter Griffin:\n"""\nHeh heh, the canoe is a ${marker}.\n"""`);
		// Counted by the simulator's own tokenizer (about 1.3 tokens a word, plus each message's framing).
		expect(sim.stats().promptTokens - before.promptTokens).toBeLessThan(350);
	});

	it("in always mode, regenerates with the judge's reasons when it fails a reply the rules passed", async () => {
		const marker = `judge-fail-${Date.now()}`;
		judgeAnswers(marker, { reasons: ['Sounds like a butler, not Peter'], inCharacter: 0.1, onTopic: 0.3, verdict: 'fail' });
		const job = await review(always, `Good evening. I shall attend to the ${marker} at once.`);
		const retry = await existingJob(running.routeQueue, regenerateJobId(job.jobKey, 1));
		const [attempt] = (retry.data as { failedAttempts: { reasons: string[] }[] }).failedAttempts;
		expect(attempt?.reasons).toEqual(['Judge: Sounds like a butler, not Peter (in character 0.10, on topic 0.30)']);
	});

	it('in borderline mode, leaves a clean reply to the rules: no request reaches the judge', async () => {
		const before = { requests: judgeRequests(), off: running.counters.snapshot().judge.off ?? 0 };
		const job = await review(borderline, `Heh heh heh, nobody touches my remote. ${Date.now()}`);
		const delivered = await settledJob(running.deliverQueue, deliverJobId(job.jobKey));
		expect(delivered.data.score).toBe(1);
		expect(judgeRequests()).toBe(before.requests);
		expect(running.counters.snapshot().judge.off).toBe(before.off + 1);
	});

	it('in borderline mode, judges a reply that a soft finding brought close to the threshold', async () => {
		const marker = `judge-borderline-${Date.now()}`;
		judgeAnswers(marker, { reasons: ['Shares a link but stays in character'], inCharacter: 0.8, onTopic: 0.9, verdict: 'pass' });
		const before = { requests: judgeRequests(), used: running.counters.snapshot().judge.used ?? 0 };
		// Score 0.4: above the channel's 0.35, below 0.35 + 0.15.
		const job = await review(borderline, `Heh heh, the ${marker} is right here: https://example.com/canoe`);
		const delivered = await settledJob(running.deliverQueue, deliverJobId(job.jobKey));
		expect(judgeRequests()).toBe(before.requests + 1);
		expect(running.counters.snapshot().judge.used).toBe(before.used + 1);
		expect(delivered.data.score).toBe(0.4);
	});

	it.each([
		['text that is not JSON', 'I think it is fine!'],
		['JSON cut short', '{"reasons": ["Speaks as Pe'],
		['JSON of the wrong shape', { verdict: 'maybe', score: 7 }],
		['a verdict without reasons', { inCharacter: 0.9, onTopic: 0.9, verdict: 'pass' }],
		['an empty list of reasons', { reasons: [], inCharacter: 0.2, onTopic: 0.1, verdict: 'fail' }],
		['a rating out of range', { reasons: ['Fine'], inCharacter: 4, onTopic: 0.9, verdict: 'pass' }],
	])('decides on the rules alone when the judge answers %s', async (_name, answer) => {
		const marker = `judge-malformed-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
		judgeAnswers(marker, answer);
		const failedBefore = running.counters.snapshot().judge.failed ?? 0;
		const job = await review(always, `Heh, ${marker} it is.`);
		const delivered = await settledJob(running.deliverQueue, deliverJobId(job.jobKey));
		expect(delivered.data.score).toBe(1);
		expect(running.counters.snapshot().judge.failed).toBe(failedBefore + 1);
		const logged = parts.logs.find((line) => line.msg === 'judge failed; deciding on rules alone' && line.jobKey === job.jobKey);
		expect((logged?.err as { message?: string } | undefined)?.message).toMatch(/not JSON|does not match the schema/);
	});

	it('decides on the rules alone when the judge host fails, and still catches rule failures', async () => {
		const failedBefore = running.counters.snapshot().judge.failed ?? 0;
		await sim.setBehavior({ fault: 'http500', faultRate: 1 });
		try {
			const good = await review(always, `Heh heh heh, nobody touches my remote. ${Date.now()}`);
			const delivered = await settledJob(running.deliverQueue, deliverJobId(good.jobKey));
			expect(await delivered.getState()).toBe('completed');
			expect(delivered.data.score).toBe(1);
			expect(running.counters.snapshot().judge.failed).toBe(failedBefore + 1);
			expect(parts.logs.some((line) => line.msg === 'judge failed; deciding on rules alone' && line.jobKey === good.jobKey)).toBe(true);

			const bad = await review(always, 'As an AI language model, I cannot watch TV.');
			await existingJob(running.routeQueue, regenerateJobId(bad.jobKey, 1));
		} finally {
			await sim.setBehavior({ fault: 'none' });
		}
	});

	it('delivers on the rules once the judge timeout passes when the judge host hangs', async () => {
		const started = Date.now();
		const job = await review(always, `Heh heh, where did I park the boat? ${Date.now()}`, slowJudge);
		const delivered = await settledJob(slowJudge.deliverQueue, deliverJobId(job.jobKey));
		const waited = Date.now() - started;
		expect(delivered.data.score).toBe(1);
		expect(hangingSim.stats().faults.hang).toBe(1);
		expect(slowJudge.counters.snapshot().judge).toMatchObject({ timeout: 1 });
		expect(waited).toBeGreaterThanOrEqual(300);
		expect(waited).toBeLessThan(10_000);
		expect(parts.logs.some((line) => line.msg === 'judge timed out; deciding on rules alone' && line.jobKey === job.jobKey && line.timeoutMs === 300)).toBe(
			true,
		);
	});
});
