import { describe, expect, it } from 'vitest';
import { ManualClock, systemClock } from './Clock.js';

describe('ManualClock', () => {
	it('shows its start and moves only when advanced', () => {
		const clock = new ManualClock(1_000);
		expect(clock.now()).toBe(1_000);
		clock.advance(250);
		clock.advance(0);
		expect(clock.now()).toBe(1_250);
	});

	it('refuses to go back in time', () => {
		expect(() => new ManualClock().advance(-1)).toThrow('ms must be at least 0, got -1');
	});
});

describe('systemClock', () => {
	it('reads the wall clock', () => {
		const before = Date.now();
		const now = systemClock.now();
		expect(now).toBeGreaterThanOrEqual(before);
		expect(now).toBeLessThanOrEqual(Date.now());
	});
});
