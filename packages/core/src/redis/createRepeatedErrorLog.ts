import type { Logger } from '../logging/createLogger.js';
import { scrubSecrets } from '../logging/scrubSecrets.js';
import { type Clock, systemClock } from '../time/Clock.js';

/** Options of {@link createRepeatedErrorLog}. */
export interface RepeatedErrorLogOptions {
	readonly logger: Logger;
	/** What failed, e.g. `route queue`; the line reads `<label> error: <message>`. */
	readonly label: string;
	readonly level?: 'error' | 'warn';
	/** Extra fields on every line, e.g. `{ queue: 'route' }`. */
	readonly fields?: Readonly<Record<string, unknown>>;
	/** While the same error keeps coming, it is logged again at most this often, with how many were left out. */
	readonly repeatMs?: number;
	/** The same error after this long without it starts a new episode and is logged at once. */
	readonly quietMs?: number;
	/** The time source (tests pass a `ManualClock`). */
	readonly clock?: Clock;
}

/**
 * An `error` listener for BullMQ queues and workers, which repeat the same connection error on every reconnect attempt
 * while Redis is away: each distinct error is logged once, then at most once per `repeatMs` while it repeats.
 */
export function createRepeatedErrorLog(options: RepeatedErrorLogOptions): (error: Error) => void {
	const { logger, label, level = 'error', fields = {}, repeatMs = 60_000, quietMs = 10_000, clock = systemClock } = options;
	let lastMessage: string | undefined;
	let lastLoggedAt = 0;
	let lastSeenAt = 0;
	let leftOut = 0;
	return (error) => {
		const message = scrubSecrets(error.message);
		const at = clock.now();
		const sameEpisode = message === lastMessage && at - lastSeenAt < quietMs;
		lastSeenAt = at;
		if (sameEpisode && at - lastLoggedAt < repeatMs) {
			leftOut += 1;
			return;
		}
		const repeated = sameEpisode ? leftOut : 0;
		const suffix = repeated > 0 ? ` (${repeated} more since it was last logged)` : '';
		logger[level]({ ...fields, err: error, ...(repeated > 0 ? { repeated } : {}) }, `${label} error: ${message}${suffix}`);
		lastMessage = message;
		lastLoggedAt = at;
		leftOut = 0;
	};
}
