import type { Logger } from '../logging/createLogger.js';
import { onStopSignals } from './onStopSignals.js';

/** A step of shutting down, e.g. closing a worker (which waits for its active jobs). */
export type CloseStep = () => Promise<unknown> | unknown;

/** Options of {@link createShutdown}. */
export interface ShutdownOptions {
	readonly logger: Logger;
	/** The whole shutdown's bound; past it the process exits anyway. */
	readonly timeoutMs: number;
	/**
	 * Listen for SIGINT and SIGTERM, and shut down when the supervisor that started this process over an IPC channel
	 * (`npm start`) is gone (default true). Tests call `shutdown()` themselves.
	 */
	readonly handleSignals?: boolean;
	/** Called once every step ran or the bound passed; exits the process by default. */
	readonly onDone?: (outcome: ShutdownOutcome) => void;
}

/** How a shutdown ended. */
export interface ShutdownOutcome {
	readonly reason: string;
	/** Steps that threw or did not finish in time. */
	readonly failed: readonly string[];
	readonly timedOut: boolean;
}

/** Closes registered parts in order on a signal, bounded in time. */
export interface Shutdown {
	/** Adds a step; steps run in the order they were added (stop intake first, close connections last). */
	add(name: string, step: CloseStep): void;
	/** Starts shutting down (again is a no-op) and resolves when done. */
	shutdown(reason: string): Promise<ShutdownOutcome>;
	readonly isShuttingDown: boolean;
}

/** Creates the graceful-shutdown sequence of a process. */
export function createShutdown(options: ShutdownOptions): Shutdown {
	const steps: { name: string; step: CloseStep }[] = [];
	let running: Promise<ShutdownOutcome> | undefined;
	const onDone = options.onDone ?? ((outcome: ShutdownOutcome) => process.exit(outcome.failed.length === 0 ? 0 : 1));

	const shutdown = (reason: string): Promise<ShutdownOutcome> => {
		running ??= runSteps(reason);
		return running;
	};

	async function runSteps(reason: string): Promise<ShutdownOutcome> {
		options.logger.info({ reason, timeoutMs: options.timeoutMs }, `shutting down: ${reason}`);
		const failed: string[] = [];
		let current = '';
		let timer: NodeJS.Timeout | undefined;
		const deadline = new Promise<'timeout'>((resolve) => {
			timer = setTimeout(() => resolve('timeout'), options.timeoutMs);
			timer.unref();
		});
		const sequence = (async () => {
			for (const { name, step } of steps) {
				current = name;
				try {
					await step();
				} catch (error) {
					failed.push(name);
					options.logger.error({ err: error, step: name }, `shutdown step "${name}" failed`);
				}
			}
			return 'done' as const;
		})();
		const result = await Promise.race([sequence, deadline]);
		clearTimeout(timer);
		const timedOut = result === 'timeout';
		if (timedOut) {
			failed.push(current);
			options.logger.error({ step: current, timeoutMs: options.timeoutMs }, `shutdown timed out during "${current}"; exiting anyway`);
		} else {
			options.logger.info({ failed }, 'shutdown complete');
		}
		const outcome = { reason, failed, timedOut };
		onDone(outcome);
		return outcome;
	}

	if (options.handleSignals !== false) {
		onStopSignals({
			stop: (signal) => void shutdown(signal),
			force: (signal) => {
				options.logger.warn(`${signal} again: exiting now, without finishing the shutdown`);
				process.exit(130);
			},
		});
		// A killed supervisor cannot stop us; its IPC channel closing is the sign to drain and exit rather than linger.
		if (process.channel) {
			process.channel.unref();
			process.once('disconnect', () => void shutdown('the supervisor is gone'));
		}
	}

	return {
		add: (name, step) => {
			steps.push({ name, step });
		},
		shutdown,
		get isShuttingDown() {
			return running !== undefined;
		},
	};
}
