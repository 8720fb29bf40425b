// Starts one app's main.ts as a real process through tsx, with a minimal environment, and keeps its output.
import { type ChildProcess, spawn } from 'node:child_process';
import { resolveFromRoot } from '@charbot/core';

/** A started app process, its output so far (stdout and stderr), and its exit code once it exits. */
export interface StartedApp {
	readonly child: ChildProcess;
	readonly output: string[];
	readonly exited: Promise<number | null>;
}

/** Runs `apps/<app>/src/main.ts` with only PATH, HOME, `NODE_ENV=test`, `LOG_FORMAT=json` and `env`. */
export function startAppProcess(app: string, env: Record<string, string>): StartedApp {
	const child = spawn(process.execPath, ['--import', 'tsx', resolveFromRoot(`apps/${app}/src/main.ts`)], {
		cwd: resolveFromRoot('.'),
		env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'test', LOG_FORMAT: 'json', ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const output: string[] = [];
	child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
	return { child, output, exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
}
