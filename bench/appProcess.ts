// What the memory benchmarks share about starting an app process and reading its memory.
import { readFileSync } from 'node:fs';
import { resolveFromRoot } from '@charbot/core';

/** How an app is run: TypeScript through tsx from src/ (as before the build), or compiled from dist/ (as in production). */
export type AppRunMode = 'tsx' | 'compiled';

/** The node arguments after its flags that start `app` in `mode`. */
export function appEntryArguments(app: string, mode: AppRunMode): string[] {
	return mode === 'compiled'
		? ['--conditions=charbot-dist', resolveFromRoot(`apps/${app}/dist/main.js`)]
		: ['--import', 'tsx', resolveFromRoot(`apps/${app}/src/main.ts`)];
}

/** A process's resident set size in bytes, from `/proc/<pid>/status` (`VmRSS`); NaN when it is not there. */
export function readRss(pid: number): number {
	const line = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	return line ? Number(line[1]) * 1024 : Number.NaN;
}
