import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolveFromRoot } from '@charbot/core';

/** The value at quantile `q` (0-1) of unsorted samples. */
export function percentile(samples: readonly number[], q: number): number {
	if (samples.length === 0) return Number.NaN;
	const sorted = [...samples].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

/** One line naming the machine a result was measured on. */
export function describeMachine(): string {
	const cores = cpus();
	return `${cores.length} cores (${cores[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
}

/** Replaces (or adds) one named section of bench/RESULTS.md, leaving the other benchmarks' sections alone; a new section goes last unless `first`. */
export function writeResultsSection(name: string, markdown: string, placement: { readonly first?: boolean } = {}): void {
	const path = resolveFromRoot('bench/RESULTS.md');
	const start = `<!-- bench:${name}:start -->`;
	const end = `<!-- bench:${name}:end -->`;
	const header =
		'# Benchmark results\n\nWritten by the benchmarks themselves (`npm run bench` runs them all, `npm run bench:<name>` one); each section says the machine and date it ran on.\n';
	const current = existsSync(path) ? readFileSync(path, 'utf8') : header;
	const block = `${start}\n${markdown.trim()}\n${end}`;
	const pattern = new RegExp(`${start}[\\s\\S]*?${end}`);
	const firstSection = current.indexOf('<!-- bench:');
	if (pattern.test(current)) writeFileSync(path, current.replace(pattern, block));
	else if (placement.first === true && firstSection >= 0) writeFileSync(path, `${current.slice(0, firstSection)}${block}\n\n${current.slice(firstSection)}`);
	else writeFileSync(path, `${current.trimEnd()}\n\n${block}\n`);
}

/** The marker of the line on which a benchmark prints its target checks for `npm run bench`. */
export const TargetsLinePrefix = 'bench-targets: ';

/** One target a benchmark checks: what, the target, what it measured, and whether it met it. */
export interface TargetCheck {
	readonly measure: string;
	readonly target: string;
	readonly measured: string;
	readonly met: boolean;
}

/** Prints a benchmark's target checks on one line, which `npm run bench` collects into the summary. */
export function reportTargets(bench: string, checks: readonly TargetCheck[]): void {
	process.stdout.write(`${TargetsLinePrefix}${JSON.stringify({ bench, checks })}\n`);
}
