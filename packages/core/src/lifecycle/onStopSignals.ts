import { type Clock, systemClock } from '../time/Clock.js';

/** What to do on SIGINT or SIGTERM. */
export interface StopSignalHandlers {
	/** The first signal: stop gracefully. */
	stop(signal: NodeJS.Signals): void;
	/** A later signal, pressed again on purpose: stop now. */
	force(signal: NodeJS.Signals): void;
}

/** Options of {@link onStopSignals}. */
export interface StopSignalOptions {
	/** A repeat this soon after the first signal is the same Ctrl-C delivered twice, not a second press. */
	readonly samePressWithinMs?: number;
	/** The time source (tests pass a `ManualClock`). */
	readonly clock?: Clock;
}

/**
 * One Ctrl-C reaches a process twice under `npm start` or `npm run`: the terminal sends SIGINT to the whole foreground
 * process group, and npm forwards its own copy to the script it runs. Both land within milliseconds; a person's second
 * press comes much later.
 */
export const DefaultSamePressWithinMs = 1000;

/** Listens for SIGINT and SIGTERM: the first stops gracefully, a later one forces; returns a function that stops listening. */
export function onStopSignals(handlers: StopSignalHandlers, options: StopSignalOptions = {}): () => void {
	const clock = options.clock ?? systemClock;
	const window = options.samePressWithinMs ?? DefaultSamePressWithinMs;
	let firstAt: number | undefined;
	const listener = (signal: NodeJS.Signals) => {
		if (firstAt === undefined) {
			firstAt = clock.now();
			handlers.stop(signal);
		} else if (clock.now() - firstAt > window) {
			handlers.force(signal);
		}
	};
	process.on('SIGINT', listener);
	process.on('SIGTERM', listener);
	return () => {
		process.off('SIGINT', listener);
		process.off('SIGTERM', listener);
	};
}
