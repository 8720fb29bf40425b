import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { percentile } from '../benchReport.js';

/** Options of {@link sendAtRate}. */
export interface SendAtRateOptions {
	readonly ratePerSecond: number;
	readonly durationMs: number;
	/** Sends message number `index` (0-based) of this run; must not wait for anything. */
	readonly send: (index: number) => void;
}

/** What the sender managed: how many it sent, and how late against the schedule (the load generator's own limit). */
export interface SendAtRateResult {
	readonly sent: number;
	/** `performance.now()` when the schedule started. */
	readonly startedAt: number;
	readonly elapsedMs: number;
	/** How late messages went out against their due time. */
	readonly slipP99Ms: number;
	readonly slipMaxMs: number;
	/** This process's event-loop delay while sending (the emulator and simulator share it). */
	readonly loopDelayP99Ms: number;
	readonly loopDelayMaxMs: number;
}

/**
 * Open-loop load: message `i` is due at `start + i / rate` and goes out as soon as it is due, whatever the replies
 * do. A timer wakes about every millisecond and sends everything due, so a slow tick sends a batch rather than
 * dropping messages; the slip against the schedule is measured, to tell when the sender itself falls behind.
 */
export async function sendAtRate(options: SendAtRateOptions): Promise<SendAtRateResult> {
	const total = Math.round((options.ratePerSecond * options.durationMs) / 1000);
	const intervalMs = 1000 / options.ratePerSecond;
	const loopDelay = monitorEventLoopDelay({ resolution: 1 });
	loopDelay.enable();
	const slips: number[] = [];
	const startedAt = performance.now();
	let sent = 0;
	while (sent < total) {
		const now = performance.now();
		const due = Math.min(total, Math.floor((now - startedAt) / intervalMs) + 1);
		for (; sent < due; sent += 1) {
			slips.push(performance.now() - (startedAt + sent * intervalMs));
			options.send(sent);
		}
		if (sent < total) await sleep(Math.max(0, startedAt + sent * intervalMs - performance.now()));
	}
	const elapsedMs = performance.now() - startedAt;
	loopDelay.disable();
	return {
		sent,
		startedAt,
		elapsedMs,
		slipP99Ms: percentile(slips, 0.99),
		slipMaxMs: slips.reduce((highest, slip) => Math.max(highest, slip), 0),
		loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
		loopDelayMaxMs: loopDelay.max / 1e6,
	};
}
