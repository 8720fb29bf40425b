// `npm run bench`: every benchmark, one after another (never two at once: they would measure each other),
// each in its own process writing its own section of bench/RESULTS.md; then a summary of the targets.
import { spawn } from 'node:child_process';
import { resolveFromRoot } from '@charbot/core';
import { z } from 'zod';
import { describeMachine, type TargetCheck, TargetsLinePrefix, writeResultsSection } from './benchReport.js';

/** The benchmarks in the order they run, each with the script that runs it alone. */
const benchmarks = [
	{ name: 'pipeline overhead', script: 'bench/pipeline/overhead.ts', command: 'npm run bench:pipeline' },
	{ name: 'pipeline burst', script: 'bench/pipeline/burst.ts', command: 'npm run bench:burst' },
	{ name: 'quality against a sloppy model', script: 'bench/quality/sloppyModel.ts', command: 'npm run bench:quality' },
	{ name: 'quality scoring CPU', script: 'bench/quality/scoringCpu.ts', command: 'npm run bench:qc-cpu' },
	{ name: 'LLM balancing', script: 'bench/llm/balancing.ts', command: 'npm run bench:llm' },
	{ name: 'LLM cache and coalescing', script: 'bench/llm/cacheAndCoalescing.ts', command: 'npm run bench:llm-cache' },
	{ name: 'LLM adaptive concurrency', script: 'bench/llm/adaptiveConcurrency.ts', command: 'npm run bench:llm-concurrency' },
	{ name: 'gateway memory', script: 'bench/gateway/memory.ts', command: 'npm run bench:gateway' },
	{ name: 'memory per app, tsx vs compiled', script: 'bench/apps/memory.ts', command: 'npm run bench:memory' },
	{ name: 'ollama-sim streams', script: 'bench/ollama-sim/concurrentStreams.ts', command: 'npm run bench:sim' },
	{ name: 'logging redaction', script: 'bench/logging/redaction.ts', command: 'npm run bench:logging' },
	{ name: 'prompt building CPU', script: 'bench/characters/promptCpu.ts', command: 'npm run bench:prompt-cpu' },
	{ name: 'Redis memory of conversation state', script: 'bench/capacity/redisMemory.ts', command: 'npm run bench:redis-memory' },
] as const;

const targetsLineSchema = z.object({
	bench: z.string(),
	checks: z.array(z.object({ measure: z.string(), target: z.string(), measured: z.string(), met: z.boolean() })),
});

interface BenchOutcome {
	readonly name: string;
	readonly command: string;
	readonly exitCode: number | null;
	readonly seconds: number;
	readonly checks: TargetCheck[];
}

async function runBenchmark(benchmark: (typeof benchmarks)[number]): Promise<BenchOutcome> {
	process.stdout.write(`\n=== ${benchmark.name} (${benchmark.command}) ===\n`);
	const started = performance.now();
	const child = spawn(process.execPath, ['--import', 'tsx', resolveFromRoot(benchmark.script)], {
		cwd: resolveFromRoot('.'),
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const checks: TargetCheck[] = [];
	let pending = '';
	child.stdout.on('data', (chunk: Buffer) => {
		process.stdout.write(chunk);
		pending += chunk.toString();
		const lines = pending.split('\n');
		pending = lines.pop() ?? '';
		for (const line of lines) {
			if (!line.startsWith(TargetsLinePrefix)) continue;
			const parsed = targetsLineSchema.safeParse(JSON.parse(line.slice(TargetsLinePrefix.length)));
			if (parsed.success) checks.push(...parsed.data.checks);
			else
				console.error(
					`bench: ${benchmark.script} printed a malformed targets line: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
				);
		}
	});
	const exitCode = await new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	return { name: benchmark.name, command: benchmark.command, exitCode, seconds: (performance.now() - started) / 1000, checks };
}

async function main(): Promise<void> {
	const only = process.argv.slice(2);
	const selected = only.length === 0 ? benchmarks : benchmarks.filter((benchmark) => only.some((word) => benchmark.script.includes(word)));
	const outcomes: BenchOutcome[] = [];
	for (const benchmark of selected) outcomes.push(await runBenchmark(benchmark));

	const rows = outcomes.flatMap((outcome) =>
		outcome.checks.length === 0
			? [`| ${outcome.name} | — | — | ${outcome.exitCode === 0 ? 'no target' : `failed (exit ${outcome.exitCode})`} | |`]
			: outcome.checks.map((check) => `| ${outcome.name} | ${check.measure} | ${check.target} | ${check.measured} | ${check.met ? 'met' : '**missed**'} |`),
	);
	const markdown = [
		'## Summary of targets (`npm run bench`)',
		'',
		`Machine: ${describeMachine()}. Every benchmark ran alone, one after another, in ${outcomes.reduce((sum, outcome) => sum + outcome.seconds, 0).toFixed(0)} s; the sections below hold their details.`,
		'',
		'| benchmark | measure | target | measured | |',
		'| --- | --- | --- | --- | --- |',
		...rows,
	].join('\n');
	if (only.length === 0) writeResultsSection('summary', markdown, { first: true });
	process.stdout.write(`\n${markdown}\n`);
	const failed = outcomes.filter((outcome) => outcome.exitCode !== 0);
	if (failed.length > 0) {
		console.error(`bench: ${failed.map((outcome) => `${outcome.name} exited with ${outcome.exitCode}`).join(', ')}`);
		process.exitCode = 1;
	}
}

await main();
