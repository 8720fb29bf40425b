// Benchmark: can one simulator process serve thousands of concurrent streaming chats without becoming
// the bottleneck? Runs the simulator here, load generators in child processes, all on 127.0.0.1.
// Usage: npm run bench:sim [-- --streams 2000 --rate 30 --tokens 300 --workers 1]
import { fork } from 'node:child_process';
import { cpus } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startOllamaSim } from '@charbot/ollama-sim';
import { describeMachine, writeResultsSection } from '../benchReport.js';
import type { LoadOrder, LoadReport, StreamResult } from './streamLoadGenerator.js';

const { values } = parseArgs({
	options: { streams: { type: 'string' }, rate: { type: 'string' }, tokens: { type: 'string' }, workers: { type: 'string' }, 'ramp-ms': { type: 'string' } },
});
const streams = Number(values.streams ?? 2000);
const rate = Number(values.rate ?? 30);
const replyTokens = Number(values.tokens ?? 300);
const workers = Number(values.workers ?? 1);
const rampMs = Number(values['ramp-ms'] ?? 1000);
const timeToFirstTokenMs = 20;

const sim = await startOllamaSim({
	name: 'bench',
	numParallel: streams,
	maxQueue: streams,
	tokensPerSecond: rate,
	timeToFirstTokenMs,
	loadMs: 0,
	preloaded: true,
	// Longer than asked, so num_predict cuts every reply to exactly replyTokens.
	replyTokens: replyTokens + 20,
});
const body = JSON.stringify({
	model: 'llama3.2:1b',
	messages: [{ role: 'user', content: 'Tell me about your day, in detail.' }],
	options: { num_predict: replyTokens },
});
const promptEvalMs = timeToFirstTokenMs + (13 / 2900) * 1000;
const idealStreamMs = promptEvalMs + (replyTokens / rate) * 1000;

// The histogram's values include its sampling interval; lag is what lies beyond it.
const resolutionMs = 10;
const lagMs = (ns: number) => Math.max(0, ns / 1e6 - resolutionMs);
const loopDelay = monitorEventLoopDelay({ resolution: resolutionMs });
loopDelay.enable();
const cpuBefore = process.cpuUsage();
const wallStart = performance.now();
const generatorPath = fileURLToPath(new URL('./streamLoadGenerator.ts', import.meta.url));
const reports = await Promise.all(
	Array.from({ length: workers }, (_, index) => {
		const child = fork(generatorPath, [], { execArgv: ['--import', 'tsx'] });
		const share = Math.floor(streams / workers) + (index < streams % workers ? 1 : 0);
		child.send({ url: sim.url, streams: share, rampMs, body } satisfies LoadOrder);
		return new Promise<LoadReport>((resolve, reject) => {
			child.once('message', (report) => resolve(report as LoadReport));
			child.once('exit', (code) => code !== 0 && reject(new Error(`load generator exited with ${code}`)));
		});
	}),
);
const wallMs = performance.now() - wallStart;
loopDelay.disable();
const simCpuMs = (() => {
	const used = process.cpuUsage(cpuBefore);
	return (used.user + used.system) / 1000;
})();
const stats = sim.stats();
await sim.close();

const results: StreamResult[] = reports.flatMap((report) => report.results);
const ok = results.filter((result) => result.error === undefined && result.tokens === replyTokens);
const tokens = results.reduce((sum, result) => sum + result.tokens, 0);
const firstStart = Math.min(...results.map((result) => result.startedAt));
const lastEnd = Math.max(...results.map((result) => result.endedAt));
const activeWindowMs = lastEnd - firstStart;
const idealWindowMs = rampMs * ((streams - 1) / streams) + idealStreamMs;
const stretch = ok.map((result) => (result.endedAt - result.startedAt) / idealStreamMs).sort((a, b) => a - b);
const firstByte = ok.map((result) => result.firstByteAt - result.startedAt).sort((a, b) => a - b);
const connect = ok.map((result) => result.connectedAt - result.startedAt).sort((a, b) => a - b);
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? Number.NaN;
const fmt = (value: number, digits = 1) => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const rows: [string, string][] = [
	['Machine', `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.version}`],
	['Streams (concurrent)', `${streams} (opened over ${rampMs} ms by ${workers} load-generator process${workers === 1 ? '' : 'es'})`],
	['Per stream', `${replyTokens} tokens at ${rate} tokens/s (ideal ${fmt(idealStreamMs / 1000, 2)} s)`],
	['Streams completed whole', `${ok.length} / ${streams}`],
	['Tokens received', `${tokens.toLocaleString('en-US')} (simulator counted ${stats.tokensGenerated.toLocaleString('en-US')})`],
	[
		'Aggregate tokens/s achieved vs ideal',
		`${fmt(tokens / (activeWindowMs / 1000), 0)} vs ${fmt((streams * replyTokens) / (idealWindowMs / 1000), 0)} (${fmt((100 * idealWindowMs) / activeWindowMs)} %)`,
	],
	['Steady-state aggregate rate (ideal)', `${(streams * rate).toLocaleString('en-US')} tokens/s`],
	['Stream duration / ideal, p50 / p99 / max', `${fmt(pct(stretch, 0.5), 3)} / ${fmt(pct(stretch, 0.99), 3)} / ${fmt(stretch.at(-1) ?? Number.NaN, 3)}`],
	[`Time to first byte p50 / p99 (ideal ≈ ${fmt(promptEvalMs + 1000 / rate, 0)} ms)`, `${fmt(pct(firstByte, 0.5), 0)} / ${fmt(pct(firstByte, 0.99), 0)} ms`],
	['TCP connect p50 / p99', `${fmt(pct(connect, 0.5), 0)} / ${fmt(pct(connect, 0.99), 0)} ms`],
	[
		'Simulator event-loop delay p50 / p99 / max',
		`${fmt(lagMs(loopDelay.percentile(50)))} / ${fmt(lagMs(loopDelay.percentile(99)))} / ${fmt(lagMs(loopDelay.max))} ms`,
	],
	['Simulator CPU', `${fmt((100 * simCpuMs) / wallMs, 0)} % of one core`],
	[
		'Load generator event-loop p99 / CPU',
		`${reports.map((report) => `${fmt(report.eventLoopP99Ms)} ms / ${fmt((100 * report.cpuMs) / wallMs, 0)} %`).join(', ')}`,
	],
	['Simulator max in flight / errors', `${stats.maxInFlight} / ${results.filter((result) => result.error !== undefined).length}`],
	['Wall time', `${fmt(wallMs / 1000, 1)} s`],
];
const table = ['| Measure | Value |', '| --- | --- |', ...rows.map(([name, value]) => `| ${name} | ${value} |`)].join('\n');
process.stdout.write(`\n## ollama-sim: ${streams} concurrent streaming chats\n\n${table}\n`);
writeResultsSection(
	'ollama-sim-streams',
	`## ollama-sim: ${streams} concurrent streaming chats (\`npm run bench:sim\`)\n\nMachine: ${describeMachine()}.\n\n${table}`,
);
process.stdout.write('\n(written to bench/RESULTS.md)\n');
