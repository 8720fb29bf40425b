import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Logger } from '@charbot/core';

/** Which of a child's streams a line came from. */
export type OutputStream = 'stdout' | 'stderr';

/** Options of {@link superviseProcess}. */
export interface SupervisedProcessOptions {
	readonly name: string;
	readonly command: string;
	readonly args: readonly string[];
	readonly env: NodeJS.ProcessEnv;
	readonly cwd: string;
	readonly logger: Logger;
	/** Receives every line the child prints. */
	readonly output: (line: string, stream: OutputStream) => void;
}

/** A child process that is restarted with backoff when it dies unexpectedly. */
export interface SupervisedProcess {
	readonly name: string;
	readonly restarts: number;
	/** The running child's process id. */
	readonly pid: number | undefined;
	/** One SIGTERM, then SIGKILL after `graceMs`; no restart afterwards. */
	stop(graceMs: number): Promise<void>;
	/** SIGKILL now, for a forced exit; no restart afterwards. */
	kill(): void;
}

// Restart delays grow to this bound; a child that stayed up for a minute starts again from the first.
const maxRestartDelayMs = 30_000;
const stableAfterMs = 60_000;

/**
 * Starts a child and keeps it running until stopped. The child gets its own process group, so a terminal's Ctrl-C
 * reaches only the supervisor, which then sends each child exactly one SIGTERM: a child that got both would take the
 * second as "force" and skip its drain. It also gets an IPC channel, whose closing tells it the supervisor died.
 */
export function superviseProcess(options: SupervisedProcessOptions): SupervisedProcess {
	let child: ChildProcess | undefined;
	let stopping = false;
	let restarts = 0;
	let delayMs = 1000;
	let restartTimer: NodeJS.Timeout | undefined;

	const start = () => {
		const startedAt = Date.now();
		const spawned = spawn(options.command, [...options.args], {
			cwd: options.cwd,
			env: options.env,
			stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
			detached: true,
		});
		child = spawned;
		for (const [stream, input] of [
			['stdout', spawned.stdout],
			['stderr', spawned.stderr],
		] as const) {
			if (input) createInterface({ input }).on('line', (line) => options.output(line, stream));
		}
		// The channel only signals our death to the child; it must not keep this process alive on its own.
		spawned.channel?.unref();
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

	const running = () => (child && child.exitCode === null && child.signalCode === null ? child : undefined);

	return {
		name: options.name,
		get restarts() {
			return restarts;
		},
		get pid() {
			return running()?.pid;
		},
		stop: async (graceMs) => {
			stopping = true;
			clearTimeout(restartTimer);
			const current = running();
			if (!current) return;
			const exited = new Promise<void>((resolve) => current.once('exit', () => resolve()));
			current.kill('SIGTERM');
			const timer = setTimeout(() => current.kill('SIGKILL'), graceMs);
			await exited;
			clearTimeout(timer);
		},
		kill: () => {
			stopping = true;
			clearTimeout(restartTimer);
			running()?.kill('SIGKILL');
		},
	};
}
