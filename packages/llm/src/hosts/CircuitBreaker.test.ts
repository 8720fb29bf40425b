import { ManualClock } from '@charbot/core';
import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from './CircuitBreaker.js';

const manualClock = () => new ManualClock(1_000_000);

describe('CircuitBreaker', () => {
	it('opens after the threshold, lets one probe through after the cooldown, and closes on success', () => {
		const clock = manualClock();
		const breaker = new CircuitBreaker(clock, { failureThreshold: 3, cooldownMs: 5000, maxCooldownMs: 60_000 });
		breaker.onFailure();
		breaker.onFailure();
		expect(breaker.state).toBe('closed');
		breaker.onFailure();
		expect(breaker.state).toBe('open');
		expect(breaker.canPass()).toBe(false);
		expect(breaker.retryAt).toBe(clock.now() + 5000);
		clock.advance(5000);
		expect(breaker.state).toBe('half-open');
		expect(breaker.canPass()).toBe(true);
		breaker.onStart();
		expect(breaker.canPass()).toBe(false);
		breaker.onSuccess();
		expect(breaker.state).toBe('closed');
		expect(breaker.canPass()).toBe(true);
	});

	it('doubles the cooldown while probes keep failing, up to the maximum', () => {
		const clock = manualClock();
		const breaker = new CircuitBreaker(clock, { failureThreshold: 1, cooldownMs: 1000, maxCooldownMs: 3000 });
		breaker.onFailure();
		const cooldowns: number[] = [];
		for (let round = 0; round < 4; round += 1) {
			const wait = breaker.retryAt - clock.now();
			cooldowns.push(wait);
			clock.advance(wait);
			breaker.onStart();
			breaker.onFailure();
		}
		expect(cooldowns).toEqual([1000, 2000, 3000, 3000]);
	});

	it('frees the probe slot when the probe is abandoned', () => {
		const clock = manualClock();
		const breaker = new CircuitBreaker(clock, { failureThreshold: 1, cooldownMs: 10, maxCooldownMs: 10 });
		breaker.onFailure();
		clock.advance(10);
		breaker.onStart();
		expect(breaker.canPass()).toBe(false);
		breaker.onAbandon();
		expect(breaker.canPass()).toBe(true);
	});
});
