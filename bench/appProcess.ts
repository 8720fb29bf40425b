// What the memory benchmarks share about starting an app process and reading its memory.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolveFromRoot } from '@charbot/core';
import { findFreePort, uniquePrefix } from '@charbot/testkit';

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

/** The environment an app runs with in a memory benchmark: quiet JSON logs, a fresh key prefix, the emulated Discord. */
export function benchEnvironment(redisUrl: string, emulator: { readonly token: string; readonly apiUrl: string }): NodeJS.ProcessEnv {
	return {
		PATH: process.env.PATH,
		HOME: process.env.HOME,
		NODE_ENV: 'test',
		LOG_LEVEL: 'warn',
		LOG_FORMAT: 'json',
		REDIS_URL: redisUrl,
		REDIS_KEY_PREFIX: uniquePrefix('bench'),
		DISCORD_TOKEN: emulator.token,
		DISCORD_API_URL: emulator.apiUrl,
		ALLOW_SIMULATED_PARTS: 'true',
	};
}

/** Waits until `condition` holds, asking every half second rather than testkit's 20 ms: each poll is a request the measured process must answer. */
export async function pollSlowly(condition: () => Promise<boolean> | boolean, description: string, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await condition()) return;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}`);
}

/** An app process a benchmark started: the child, where its health server answers, what it printed, and how long it took to be ready. */
export interface BenchAppProcess {
	readonly child: ChildProcess;
	readonly healthUrl: string;
	readonly output: string[];
	readonly readyMs: number;
}

/** Starts node with `args` and `env` on a free `HEALTH_PORT`, and waits until its `/readyz` answers 200; throws with its output if it exits first. */
export async function spawnUntilReady(label: string, args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<BenchAppProcess> {
	const port = await findFreePort();
	const healthUrl = `http://127.0.0.1:${port}`;
	const output: string[] = [];
	const startedAt = performance.now();
	const child = spawn(process.execPath, [...args], {
		cwd: resolveFromRoot('.'),
		env: { ...env, HEALTH_PORT: String(port) },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
	try {
		await pollSlowly(
			async () => {
				if (child.exitCode !== null) throw new Error(`${label} exited with ${child.exitCode}:\n${output.join('').slice(-3000)}`);
				return (await fetch(`${healthUrl}/readyz`).catch(() => undefined))?.status === 200;
			},
			`${label} to be ready`,
			timeoutMs,
		);
	} catch (error) {
		await stopAppProcess(child);
		throw error;
	}
	return { child, healthUrl, output, readyMs: performance.now() - startedAt };
}

/** Stops an app process with SIGTERM, and SIGKILL if it is still there after 15 s. */
export async function stopAppProcess(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
	await exited;
	clearTimeout(timer);
}
