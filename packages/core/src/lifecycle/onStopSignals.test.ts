import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../time/Clock.js';
import { onStopSignals } from './onStopSignals.js';

let stopListening: (() => void) | undefined;
afterEach(() => stopListening?.());

describe('onStopSignals', () => {
	it('takes a repeat inside the window as the same Ctrl-C and a later one as a second press', () => {
		const clock = new ManualClock(1000);
		const seen: string[] = [];
		stopListening = onStopSignals(
			{ stop: (signal) => seen.push(`stop ${signal}`), force: (signal) => seen.push(`force ${signal}`) },
			{ clock, samePressWithinMs: 1000 },
		);
		process.emit('SIGINT', 'SIGINT');
		clock.advance(5);
		// npm's forwarded copy of the same press.
		process.emit('SIGINT', 'SIGINT');
		expect(seen).toEqual(['stop SIGINT']);
		clock.advance(2000);
		process.emit('SIGTERM', 'SIGTERM');
		expect(seen).toEqual(['stop SIGINT', 'force SIGTERM']);
	});
});
