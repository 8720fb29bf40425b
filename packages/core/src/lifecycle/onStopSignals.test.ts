import { afterEach, describe, expect, it } from 'vitest';
import { onStopSignals } from './onStopSignals.js';

let stopListening: (() => void) | undefined;
afterEach(() => stopListening?.());

describe('onStopSignals', () => {
	it('takes a repeat inside the window as the same Ctrl-C and a later one as a second press', () => {
		let now = 1000;
		const seen: string[] = [];
		stopListening = onStopSignals(
			{ stop: (signal) => seen.push(`stop ${signal}`), force: (signal) => seen.push(`force ${signal}`) },
			{ now: () => now, samePressWithinMs: 1000 },
		);
		process.emit('SIGINT', 'SIGINT');
		now += 5;
		// npm's forwarded copy of the same press.
		process.emit('SIGINT', 'SIGINT');
		expect(seen).toEqual(['stop SIGINT']);
		now += 2000;
		process.emit('SIGTERM', 'SIGTERM');
		expect(seen).toEqual(['stop SIGINT', 'force SIGTERM']);
	});
});
