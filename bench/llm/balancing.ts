// Compares round-robin with the default least-loaded strategy side by side, in one run, on the same
// simulated hosts: two normal, one 4x slower, one that dies mid-run. Writes bench/RESULTS.md.
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

async function startHosts(): Promise<OllamaSim[]> {
	const base = { models: [model], preloaded: true, numParallel: slots, tokensPerSecond, replyTokens, timeToFirstTokenMs: 20 };
	return Promise.all([
		startOllamaSim({ ...base, name: 'normal-1' }),
		startOllamaSim({ ...base, name: 'normal-2' }),
		startOllamaSim({ ...base, name: 'slow-4x', behavior: { slowFactor: 4 } }),
		startOllamaSim({ ...base, name: 'dies-mid-run' }),
	]);
}

/** Measures one request's service time on an idle normal host, to state the ideal capacity. */
async function measureServiceTime(): Promise<number> {
	const [sim] = await Promise.all([startOllamaSim({ models: [model], preloaded: true, numParallel: 1, tokensPerSecond, replyTokens, timeToFirstTokenMs: 20 })]);
	const pool = new LlmPool({ settings: settingsFor([sim]), logger, warmUp: false, allowSimulated: true });
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

function settingsFor(sims: readonly OllamaSim[]) {
	return {
		hosts: sims.map((sim) => ({ url: sim.url, weight: 1, labels: [], maxParallel: slots })),
		roles: { chat: { model } },
		requestTimeoutMs: 120_000,
		maxParallelPerHost: slots,
		cacheTtlSeconds: 0,
		cacheMaxSize: 1,
		healthIntervalMs: 1000,
	};
}

async function runPhase(strategy: StrategyName, mode: 'rate' | 'burst', count: number, intervalMs: number, dieAfterMs: number): Promise<PhaseResult> {
	const sims = await startHosts();
	const pool = new LlmPool({ settings: settingsFor(sims), logger, strategy, warmUp: false, allowSimulated: true, timeouts: { connectMs: 1000 } });
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

	const rows: string[] = [];
	const summary: Record<string, { p95: number; throughputShare: number; failed: number }> = {};
	for (const strategy of ['round-robin', 'least-loaded'] as const) {
		const steady = await runPhase(strategy, 'rate', rateCount, 1000 / rate, rateDeathMs);
		const burst = await runPhase(strategy, 'burst', burstCount, 0, 4000);
		const throughput = (burst.count - burst.failed) / (burst.elapsedMs / 1000);
		const idealThroughput = burstCount / (idealBurstMs / 1000);
		summary[strategy] = { p95: percentile(steady.latencies, 0.95), throughputShare: throughput / idealThroughput, failed: steady.failed + burst.failed };
		rows.push(
			`| ${strategy} | ${percentile(steady.latencies, 0.5).toFixed(0)} | ${percentile(steady.latencies, 0.95).toFixed(0)} | ${percentile(steady.latencies, 0.99).toFixed(0)} | ${throughput.toFixed(1)} / ${idealThroughput.toFixed(1)} (${((throughput / idealThroughput) * 100).toFixed(0)}%) | ${steady.failed + burst.failed} of ${steady.count + burst.count} |`,
		);
		process.stdout.write(`${rows.at(-1)}\n`);
	}
	const rr = summary['round-robin'];
	const ll = summary['least-loaded'];
	const ratio = rr && ll ? ll.p95 / rr.p95 : Number.NaN;
	const markdown = [
		'## LLM balancing: round-robin vs least-loaded (`npm run bench:llm`)',
		'',
		`Machine: ${describeMachine()}.`,
		'',
		`Four simulated Ollama hosts with ${slots} slots each: two normal, one 4x slower, one that stops accepting connections 40% into each phase. One request takes ${serviceMs.toFixed(0)} ms on an idle normal host (${replyTokens} tokens at ${tokensPerSecond} tok/s).`,
		`Latency: ${rateCount} requests at a steady ${rate.toFixed(1)} req/s (60% of the hosts' initial capacity). Throughput: a burst of ${burstCount} requests, against the ideal capacity of the same hosts (${fullCapacity.toFixed(1)} req/s, ${afterDeath.toFixed(1)} after the death).`,
		'',
		'| strategy | p50 ms | p95 ms | p99 ms | burst throughput req/s (of ideal) | failed requests |',
		'| --- | --- | --- | --- | --- | --- |',
		...rows,
		'',
		`least-loaded p95 = ${ratio.toFixed(2)} x round-robin's (target ≤ 0.5); least-loaded throughput ${((ll?.throughputShare ?? 0) * 100).toFixed(0)}% of ideal (target ≥ 95%); failed with least-loaded: ${ll?.failed ?? '?'} (target 0).`,
	].join('\n');
	writeResultsSection('llm-balancing', markdown);
	process.stdout.write(`${markdown}\n`);
	const share = ll?.throughputShare ?? 0;
	reportTargets('llm-balancing', [
		{ measure: 'least-loaded p95 ÷ round-robin p95', target: '≤ 0.5', measured: ratio.toFixed(2), met: ratio <= 0.5 },
		{ measure: 'least-loaded burst throughput of ideal', target: '≥ 95 %', measured: `${(share * 100).toFixed(0)} %`, met: share >= 0.95 },
		{ measure: 'requests failed with least-loaded (one host dies)', target: '0', measured: String(ll?.failed ?? '?'), met: ll?.failed === 0 },
	]);
}

await main();
