import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Logger } from '@charbot/core';

/** Options of {@link superviseProcess}. */
export interface SupervisedProcessOptions {
	readonly name: string;
	readonly command: string;
	readonly args: readonly string[];
	readonly env: NodeJS.ProcessEnv;
	readonly cwd: string;
	readonly logger: Logger;
	/** Where the child's lines go, prefixed with its name. */
	readonly output: (line: string) => void;
}

/** A child process that is restarted with backoff when it dies unexpectedly. */
export interface SupervisedProcess {
	readonly name: string;
	readonly restarts: number;
	/** SIGTERM, then SIGKILL after `graceMs`; no restart afterwards. */
	stop(graceMs: number): Promise<void>;
}

// Restart delays grow to this bound; a child that stayed up for a minute starts again from the first.
const maxRestartDelayMs = 30_000;
const stableAfterMs = 60_000;

/** Starts a child and keeps it running until stopped. */
export function superviseProcess(options: SupervisedProcessOptions): SupervisedProcess {
	let child: ChildProcess | undefined;
	let stopping = false;
	let restarts = 0;
	let delayMs = 1000;
	let restartTimer: NodeJS.Timeout | undefined;

	const start = () => {
		const startedAt = Date.now();
		const spawned = spawn(options.command, [...options.args], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
		child = spawned;
		for (const stream of [spawned.stdout, spawned.stderr]) {
			createInterface({ input: stream }).on('line', (line) => options.output(`[${options.name}] ${line}`));
		}
		spawned.on('error', (error) => options.logger.error({ err: error, process: options.name }, `${options.name} could not start`));
		spawned.on('exit', (code, signal) => {
			if (stopping) return;
			if (Date.now() - startedAt > stableAfterMs) delayMs = 1000;
			restarts += 1;
			options.logger.error(
				{ process: options.name, code, signal, restartInMs: delayMs },
				`${options.name} exited (${signal ?? `code ${code}`}); restarting in ${delayMs} ms`,
			);
			restartTimer = setTimeout(start, delayMs);
			delayMs = Math.min(delayMs * 2, maxRestartDelayMs);
		});
	};
	start();

	return {
		name: options.name,
		get restarts() {
			return restarts;
		},
		stop: async (graceMs) => {
			stopping = true;
			clearTimeout(restartTimer);
			const running = child;
			if (!running || running.exitCode !== null || running.signalCode !== null) return;
			const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
			running.kill('SIGTERM');
			const timer = setTimeout(() => running.kill('SIGKILL'), graceMs);
			await exited;
			clearTimeout(timer);
		},
	};
}
