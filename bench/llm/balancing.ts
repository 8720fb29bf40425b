// Compares round-robin with the default least-loaded strategy side by side, in one run, on the same
// simulated hosts: two normal, one 4x slower, one that dies mid-run; first all speaking Ollama's API, then a mixed pool
// where the second normal host is a vLLM-like and the slow one a llama.cpp-like OpenAI-compatible server. Writes bench/RESULTS.md.
import { createLogger } from '@charbot/core';
import { LlmPool, type StrategyName } from '@charbot/llm';
import { type OllamaSim, startOllamaSim } from '@charbot/ollama-sim';
import { describeMachine, percentile, reportTargets, writeResultsSection } from '../benchReport.js';

const model = 'llama3.2:1b';
const slots = 2;
const replyTokens = 30;
const tokensPerSecond = 100;
const logger = createLogger({ name: 'bench', level: 'silent', format: 'json' });

interface PhaseResult {
	readonly latencies: number[];
	readonly failed: number;
	readonly elapsedMs: number;
	readonly count: number;
}

/** Which API each of the four hosts speaks: all Ollama, or a mixed pool. */
type PoolKind = 'ollama' | 'mixed';

const hostKinds: Readonly<Record<PoolKind, readonly ('ollama' | 'openai')[]>> = {
	ollama: ['ollama', 'ollama', 'ollama', 'ollama'],
	// normal-2 a vLLM-like server, slow-4x a llama.cpp-like one; the dying host stays an Ollama host.
	mixed: ['ollama', 'openai', 'openai', 'ollama'],
};

async function startHosts(kind: PoolKind): Promise<OllamaSim[]> {
	const base = { models: [model], preloaded: true, numParallel: slots, tokensPerSecond, replyTokens, timeToFirstTokenMs: 20 };
	const api = (index: number) => (hostKinds[kind][index] === 'openai' ? { api: 'openai' as const } : {});
	return Promise.all([
		startOllamaSim({ ...base, ...api(0), name: 'normal-1' }),
		startOllamaSim({ ...base, ...api(1), name: 'normal-2' }),
		startOllamaSim({ ...base, ...api(2), name: 'slow-4x', behavior: { slowFactor: 4 } }),
		startOllamaSim({ ...base, ...api(3), name: 'dies-mid-run' }),
	]);
}

/** Measures one request's service time on an idle normal host, to state the ideal capacity. */
async function measureServiceTime(): Promise<number> {
	const [sim] = await Promise.all([startOllamaSim({ models: [model], preloaded: true, numParallel: 1, tokensPerSecond, replyTokens, timeToFirstTokenMs: 20 })]);
	const pool = new LlmPool({ settings: settingsFor([sim], 'ollama'), logger, warmUp: false, allowSimulated: true });
	await pool.start();
	const samples: number[] = [];
	for (let index = 0; index < 5; index += 1) {
		const started = performance.now();
		await pool.generate({ prompt: `calibrate ${index}`, useCache: false });
		samples.push(performance.now() - started);
	}
	await pool.close();
	await sim.close();
	return percentile(samples, 0.5);
}

function settingsFor(sims: readonly OllamaSim[], kind: PoolKind) {
	return {
		hosts: sims.map((sim, index) =>
			hostKinds[kind][index] === 'openai'
				? { url: `${sim.url}/v1`, kind: 'openai' as const, weight: 1, labels: [], maxParallel: slots }
				: { url: sim.url, weight: 1, labels: [], maxParallel: slots },
		),
		roles: { chat: { model } },
		requestTimeoutMs: 120_000,
		maxParallelPerHost: slots,
		cacheTtlSeconds: 0,
		cacheMaxSize: 1,
		healthIntervalMs: 1000,
	};
}

async function runPhase(
	kind: PoolKind,
	strategy: StrategyName,
	mode: 'rate' | 'burst',
	count: number,
	intervalMs: number,
	dieAfterMs: number,
): Promise<PhaseResult> {
	const sims = await startHosts(kind);
	const pool = new LlmPool({ settings: settingsFor(sims, kind), logger, strategy, warmUp: false, allowSimulated: true, timeouts: { connectMs: 1000 } });
	await pool.start();
	const dying = sims[3] as OllamaSim;
	const latencies: number[] = [];
	let failed = 0;
	const started = performance.now();
	const killer = setTimeout(() => void dying.setBehavior({ fault: 'refuse' }), dieAfterMs);
	const requests: Promise<void>[] = [];
	for (let index = 0; index < count; index += 1) {
		if (mode === 'rate') {
			const due = started + index * intervalMs;
			const wait = due - performance.now();
			if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
		}
		const sent = performance.now();
		requests.push(
			pool.generate({ prompt: `${strategy} ${mode} request ${index}`, useCache: false }).then(
				() => {
					latencies.push(performance.now() - sent);
				},
				() => {
					failed += 1;
				},
			),
		);
	}
	await Promise.all(requests);
	const elapsedMs = performance.now() - started;
	clearTimeout(killer);
	await pool.close();
	await Promise.all(sims.map((sim) => sim.close()));
	return { latencies, failed, elapsedMs, count };
}

async function main(): Promise<void> {
	const serviceMs = await measureServiceTime();
	// Capacity in requests/s: two normal hosts, one at a quarter speed, and the one that dies.
	const perNormalHost = (slots * 1000) / serviceMs;
	const fullCapacity = perNormalHost * 3 + perNormalHost / 4;
	const afterDeath = perNormalHost * 2 + perNormalHost / 4;
	const rate = fullCapacity * 0.6;
	const rateCount = Math.round(rate * 15);
	const burstCount = Math.round(fullCapacity * 10);
	// The dying host fails 40% into each phase.
	const rateDeathMs = 6000;
	const idealBurstMs = (() => {
		const deathAt = 4000;
		const beforeDeath = (fullCapacity * deathAt) / 1000;
		return burstCount <= beforeDeath ? (burstCount / fullCapacity) * 1000 : deathAt + ((burstCount - beforeDeath) / afterDeath) * 1000;
	})();

	const rows: Record<PoolKind, string[]> = { ollama: [], mixed: [] };
	const summaries: Record<PoolKind, Record<string, { p95: number; throughputShare: number; failed: number }>> = { ollama: {}, mixed: {} };
	for (const kind of ['ollama', 'mixed'] as const) {
		for (const strategy of ['round-robin', 'least-loaded'] as const) {
			const steady = await runPhase(kind, strategy, 'rate', rateCount, 1000 / rate, rateDeathMs);
			const burst = await runPhase(kind, strategy, 'burst', burstCount, 0, 4000);
			const throughput = (burst.count - burst.failed) / (burst.elapsedMs / 1000);
			const idealThroughput = burstCount / (idealBurstMs / 1000);
			summaries[kind][strategy] = {
				p95: percentile(steady.latencies, 0.95),
				throughputShare: throughput / idealThroughput,
				failed: steady.failed + burst.failed,
			};
			rows[kind].push(
				`| ${strategy} | ${percentile(steady.latencies, 0.5).toFixed(0)} | ${percentile(steady.latencies, 0.95).toFixed(0)} | ${percentile(steady.latencies, 0.99).toFixed(0)} | ${throughput.toFixed(1)} / ${idealThroughput.toFixed(1)} (${((throughput / idealThroughput) * 100).toFixed(0)}%) | ${steady.failed + burst.failed} of ${steady.count + burst.count} |`,
			);
			process.stdout.write(`${kind}: ${rows[kind].at(-1)}\n`);
		}
	}
	const summary = summaries.ollama;
	const mixedRr = summaries.mixed['round-robin'];
	const mixedLl = summaries.mixed['least-loaded'];
	const mixedRatio = mixedRr && mixedLl ? mixedLl.p95 / mixedRr.p95 : Number.NaN;
	const table = ['| strategy | p50 ms | p95 ms | p99 ms | burst throughput req/s (of ideal) | failed requests |', '| --- | --- | --- | --- | --- | --- |'];
	const rr = summary['round-robin'];
	const ll = summary['least-loaded'];
	const ratio = rr && ll ? ll.p95 / rr.p95 : Number.NaN;
	const markdown = [
		'## LLM balancing: round-robin vs least-loaded, on an Ollama pool and a mixed one (`npm run bench:llm`)',
		'',
		`Machine: ${describeMachine()}.`,
		'',
		`Four simulated hosts with ${slots} slots each: two normal, one 4x slower, one that stops accepting connections 40% into each phase. One request takes ${serviceMs.toFixed(0)} ms on an idle normal host (${replyTokens} tokens at ${tokensPerSecond} tok/s).`,
		`Latency: ${rateCount} requests at a steady ${rate.toFixed(1)} req/s (60% of the hosts' initial capacity). Throughput: a burst of ${burstCount} requests, against the ideal capacity of the same hosts (${fullCapacity.toFixed(1)} req/s, ${afterDeath.toFixed(1)} after the death).`,
		'',
		"All four speak Ollama's API:",
		'',
		...table,
		...rows.ollama,
		'',
		`least-loaded p95 = ${ratio.toFixed(2)} x round-robin's (target ≤ 0.5); least-loaded throughput ${((ll?.throughputShare ?? 0) * 100).toFixed(0)}% of ideal (target ≥ 95%); failed with least-loaded: ${ll?.failed ?? '?'} (target 0).`,
		'',
		"A mixed pool, the same speeds: normal-1 and the dying host speak Ollama's API, normal-2 is a vLLM-like and slow-4x a llama.cpp-like OpenAI-compatible server (`/v1/chat/completions`, server-sent events):",
		'',
		...table,
		...rows.mixed,
		'',
		`Mixed pool: least-loaded p95 = ${mixedRatio.toFixed(2)} x round-robin's (target ≤ 0.5); least-loaded throughput ${((mixedLl?.throughputShare ?? 0) * 100).toFixed(0)}% of ideal (target ≥ 95%); failed with least-loaded: ${mixedLl?.failed ?? '?'} (target 0).`,
	].join('\n');
	writeResultsSection('llm-balancing', markdown);
	process.stdout.write(`${markdown}\n`);
	const share = ll?.throughputShare ?? 0;
	reportTargets('llm-balancing', [
		{ measure: 'least-loaded p95 ÷ round-robin p95', target: '≤ 0.5', measured: ratio.toFixed(2), met: ratio <= 0.5 },
		{ measure: 'least-loaded burst throughput of ideal', target: '≥ 95 %', measured: `${(share * 100).toFixed(0)} %`, met: share >= 0.95 },
		{ measure: 'requests failed with least-loaded (one host dies)', target: '0', measured: String(ll?.failed ?? '?'), met: ll?.failed === 0 },
		{ measure: 'mixed pool: least-loaded p95 ÷ round-robin p95', target: '≤ 0.5', measured: mixedRatio.toFixed(2), met: mixedRatio <= 0.5 },
		{
			measure: 'mixed pool: least-loaded burst throughput of ideal',
			target: '≥ 95 %',
			measured: `${((mixedLl?.throughputShare ?? 0) * 100).toFixed(0)} %`,
			met: (mixedLl?.throughputShare ?? 0) >= 0.95,
		},
		{ measure: 'mixed pool: requests failed with least-loaded', target: '0', measured: String(mixedLl?.failed ?? '?'), met: mixedLl?.failed === 0 },
	]);
}

await main();
