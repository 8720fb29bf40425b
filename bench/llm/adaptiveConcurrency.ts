// Fixed per-host caps against the adaptive limit, side by side in one run, on simulated hosts whose real slots
// differ (4, 10, 64, and a fast/slow pair): the wall time of one burst each. Writes its section of bench/RESULTS.md.
import { createLogger } from '@charbot/core';
import { LlmPool, type LlmSettings } from '@charbot/llm';
import { type OllamaSim, type OllamaSimOptions, startOllamaSim } from '@charbot/ollama-sim';
import { describeMachine, reportTargets, writeResultsSection } from '../benchReport.js';

const model = 'llama3.2:1b';
// About one second per reply on a normal host: 50 tokens at 50 tokens/s.
const replyTokens = 50;
const tokensPerSecond = 50;
const logger = createLogger({ name: 'bench', level: 'silent', format: 'json' });
const targetRatio = 1.15;

interface Scenario {
	readonly name: string;
	readonly requests: number;
	readonly hosts: readonly { readonly slots: number; readonly slowFactor?: number }[];
}

interface Policy {
	readonly name: string;
	/** A fixed cap per host, or undefined for the adaptive limit. */
	readonly cap: number | undefined;
}

const scenarios: readonly Scenario[] = [
	{ name: '20 requests over two 10-slot hosts', requests: 20, hosts: [{ slots: 10 }, { slots: 10 }] },
	{ name: '20 requests over two 4-slot hosts', requests: 20, hosts: [{ slots: 4 }, { slots: 4 }] },
	{ name: '20 requests over two 64-slot hosts (vLLM-like)', requests: 20, hosts: [{ slots: 64 }, { slots: 64 }] },
	{ name: '128 requests over two 64-slot hosts (vLLM-like)', requests: 128, hosts: [{ slots: 64 }, { slots: 64 }] },
	{ name: '60 requests over a fast 8-slot host and a 4x slower 4-slot host', requests: 60, hosts: [{ slots: 8 }, { slots: 4, slowFactor: 4 }] },
];

const policies: readonly Policy[] = [
	{ name: 'fixed 4', cap: 4 },
	{ name: 'fixed 8', cap: 8 },
	{ name: 'fixed 16', cap: 16 },
	{ name: 'fixed 64', cap: 64 },
	{ name: 'send everything', cap: 10_000 },
	{ name: 'adaptive', cap: undefined },
];

interface RunResult {
	readonly wallMs: number;
	readonly failed: number;
	/** Each host's limit when the burst ended. */
	readonly limits: readonly number[];
}

function startHosts(scenario: Scenario): Promise<OllamaSim[]> {
	return Promise.all(
		scenario.hosts.map((host, index) => {
			const options: OllamaSimOptions = {
				name: `host-${index}`,
				models: [model],
				preloaded: true,
				numParallel: host.slots,
				tokensPerSecond,
				replyTokens,
				timeToFirstTokenMs: 20,
				...(host.slowFactor === undefined ? {} : { behavior: { slowFactor: host.slowFactor } }),
			};
			return startOllamaSim(options);
		}),
	);
}

function settingsFor(sims: readonly OllamaSim[], cap: number | undefined): LlmSettings {
	return {
		hosts: sims.map((sim) => ({ url: sim.url, weight: 1, labels: [] })),
		roles: { chat: { model } },
		requestTimeoutMs: 120_000,
		maxParallelPerHost: cap,
		cacheTtlSeconds: 0,
		cacheMaxSize: 1,
		healthIntervalMs: 30_000,
	};
}

async function runBurst(scenario: Scenario, policy: Policy): Promise<RunResult> {
	const sims = await startHosts(scenario);
	const pool = new LlmPool({ settings: settingsFor(sims, policy.cap), logger, warmUp: false, allowSimulated: true });
	await pool.start();
	let failed = 0;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: scenario.requests }, (_, index) =>
			pool.generate({ prompt: `${policy.name} request ${index}`, useCache: false }).catch(() => {
				failed += 1;
			}),
		),
	);
	const wallMs = performance.now() - started;
	const limits = pool.hostStates.map((host) => host.maxParallel);
	await pool.close();
	await Promise.all(sims.map((sim) => sim.close()));
	return { wallMs, failed, limits };
}

async function main(): Promise<void> {
	const rows: string[] = [];
	const checks: { scenario: string; ratio: number; best: string }[] = [];
	for (const scenario of scenarios) {
		const results = new Map<string, RunResult>();
		for (const policy of policies) results.set(policy.name, await runBurst(scenario, policy));
		const adaptive = results.get('adaptive') as RunResult;
		const others = [...results].filter(([name]) => name !== 'adaptive');
		const [bestName, best] = others.reduce((a, b) => (b[1].wallMs < a[1].wallMs ? b : a));
		const ratio = adaptive.wallMs / best.wallMs;
		checks.push({ scenario: scenario.name, ratio, best: bestName });
		const times = policies.map((policy) => {
			const result = results.get(policy.name) as RunResult;
			return `${(result.wallMs / 1000).toFixed(2)}${result.failed > 0 ? ` (${result.failed} failed)` : ''}`;
		});
		rows.push(`| ${scenario.name} | ${times.join(' | ')} | ${ratio.toFixed(2)} (best: ${bestName}) | ${adaptive.limits.join(' / ')} |`);
		process.stdout.write(`${rows.at(-1)}\n`);
	}
	const markdown = [
		'## LLM adaptive concurrency per host (`npm run bench:llm-concurrency`)',
		'',
		`Machine: ${describeMachine()}.`,
		'',
		`One burst per scenario and policy, all sent at once to a real \`LlmPool\` (least-loaded) over fresh simulated Ollama hosts (\`numParallel\` = the host's slots, model preloaded, ${replyTokens} tokens at ${tokensPerSecond} tokens/s: about 1 s per reply, 4 s on the slower host). Wall time in seconds from the first request sent to the last reply; adaptive starts every host at 4 and may go up to 256. "send everything" is a cap of 10,000.`,
		'',
		`| scenario | ${policies.map((policy) => policy.name).join(' | ')} | adaptive ÷ best other | adaptive limits at the end (per host) |`,
		`| --- | ${policies.map(() => '---').join(' | ')} | --- | --- |`,
		...rows,
		'',
		`Target: adaptive ≤ ${targetRatio} × the best other policy in every scenario.`,
		'',
		"Why the 128-request burst over two 64-slot hosts is the hardest: the burst is exactly the hosts' slots, so a fixed cap of 64 or more is perfect by construction, while the adaptive limit must find 64 without knowing it. It ramps 4 → 12 → 36 → 108 per host, one round of first tokens each, and every request it sends past a host's real slots waits there for a whole reply (about 1 s here), which no limit can take back. With replies of several seconds, as on real hosts, the ramp's few first-token times weigh less.",
	].join('\n');
	writeResultsSection('llm-adaptive-concurrency', markdown);
	process.stdout.write(`${markdown}\n`);
	reportTargets(
		'llm-adaptive-concurrency',
		checks.map((check) => ({
			measure: `adaptive ÷ best other policy (${check.best}): ${check.scenario}`,
			target: `≤ ${targetRatio}`,
			measured: check.ratio.toFixed(2),
			met: check.ratio <= targetRatio,
		})),
	);
}

await main();
