import { ManualClock } from '@charbot/core';
import { describe, expect, it } from 'vitest';
import { AdaptiveConcurrencyLimit } from './AdaptiveConcurrencyLimit.js';
import type { ConcurrencySample } from './ConcurrencyLimit.js';

const baselineMs = 40;

/** A limit and the requests in flight on it, started and ended as HostState and runAttempts do. */
function harness(options: ConstructorParameters<typeof AdaptiveConcurrencyLimit>[1] = {}) {
	const clock = new ManualClock(1_000_000);
	const limit = new AdaptiveConcurrencyLimit(clock, options);
	const inFlight: ConcurrencySample[] = [];
	const start = (warm = true): ConcurrencySample => {
		const sample = { startedAt: clock.now(), inFlightAtStart: inFlight.length + 1, warm };
		inFlight.push(sample);
		limit.onStart(sample);
		return sample;
	};
	const end = (sample: ConcurrencySample, outcome: 'success' | 'overload' | 'dropped' = 'success') => {
		inFlight.splice(inFlight.indexOf(sample), 1);
		if (outcome === 'success') limit.onSuccess(sample);
		else if (outcome === 'overload') limit.onOverload(sample);
		else limit.onDropped(sample);
	};
	/** Starts requests up to the limit, as the dispatcher does with a backlog. */
	const fill = (): ConcurrencySample[] => {
		const started: ConcurrencySample[] = [];
		while (inFlight.length < limit.limit) started.push(start());
		return started;
	};
	return { clock, limit, inFlight, start, end, fill };
}

describe('AdaptiveConcurrencyLimit', () => {
	it('multiplies the limit every first-token time while first tokens come as fast as the baseline (slow start)', () => {
		const { clock, limit, fill, inFlight } = harness();
		expect(limit.limit).toBe(4);
		for (let round = 0; round < 3; round += 1) {
			const before = limit.limit;
			const wave = fill();
			clock.advance(baselineMs);
			let grew = false;
			for (const sample of wave) grew = limit.onFirstToken(sample, baselineMs) || grew;
			expect(grew).toBe(true);
			expect(limit.limit).toBeGreaterThanOrEqual(2 * before);
			// Never beyond 3x what the host has shown it serves at once.
			expect(limit.limit).toBeLessThanOrEqual(3 * inFlight.length);
		}
		expect(limit.capacity).toBeUndefined();
	});

	it('takes a busy or failed answer for no freed slot: requests still waiting for a first token are not judged queued by it', () => {
		const { clock, limit, fill, end } = harness();
		const first = fill();
		clock.advance(baselineMs);
		for (const sample of first) limit.onFirstToken(sample, baselineMs);
		for (const sample of first) end(sample);
		const grown = limit.limit;
		const wave = fill();
		// Slower than the queued threshold, then one answer refuses and one fails: neither freed a slot.
		clock.advance(baselineMs * 10);
		end(wave[0] as ConcurrencySample, 'overload');
		end(wave[1] as ConcurrencySample, 'dropped');
		expect(limit.limit).toBe(Math.floor(grown / 2));
		// A reply that does finish frees a slot: the one still without a first token queued behind it.
		end(wave[2] as ConcurrencySample, 'success');
		expect(limit.limit).toBeLessThan(Math.floor(grown / 2));
	});

	it('does not grow while the host is mostly idle (fast tokens from a trickle say nothing about more)', () => {
		const { limit, start, end } = harness();
		for (let index = 0; index < 20; index += 1) {
			const sample = start();
			expect(limit.onFirstToken(sample, baselineMs)).toBe(false);
			end(sample);
		}
		expect(limit.limit).toBe(4);
	});

	it('drops to the in-flight count beside which a request queued, then probes by one per round', () => {
		const { clock, limit, fill, end, inFlight } = harness();
		// The host has 6 slots: the first 6 get a first token at once, the rest wait for a reply to end.
		const first = fill();
		for (const sample of first) limit.onFirstToken(sample, baselineMs);
		expect(limit.limit).toBe(10);
		const second = fill();
		expect(inFlight.length).toBe(10);
		for (const sample of second.slice(0, 2)) limit.onFirstToken(sample, baselineMs);
		clock.advance(1000);
		// A reply ends; the two still waiting for a first token long past the baseline queued at the host.
		end(first[0] as ConcurrencySample);
		expect(limit.limit).toBe(6);
		expect(limit.capacity).toBe(6);
		for (const sample of second.slice(2)) limit.onFirstToken(sample, 1000);
		expect(limit.limit).toBe(6);
		expect(inFlight.length).toBe(9);
		// After the cut it grows by one per round of free-slot first tokens (one per limit), not one per token.
		let fastTokens = 0;
		while (limit.limit === 6 && fastTokens < 100) {
			end(inFlight[0] as ConcurrencySample);
			for (const sample of fill()) {
				limit.onFirstToken(sample, baselineMs);
				fastTokens += 1;
			}
		}
		expect(limit.limit).toBe(7);
		expect(fastTokens).toBeGreaterThanOrEqual(6);
		expect(fastTokens).toBeLessThanOrEqual(8);
	});

	it('halves on a busy answer, once for the requests that were in flight together', () => {
		const { limit, fill, end, inFlight } = harness({ initialLimit: 16 });
		const endAll = () => {
			for (const sample of [...inFlight]) end(sample);
		};
		const wave = fill();
		for (const sample of wave.slice(0, 5)) end(sample, 'overload');
		expect(limit.limit).toBe(8);
		endAll();
		end(fill()[0] as ConcurrencySample, 'overload');
		expect(limit.limit).toBe(4);
		for (let index = 0; index < 10; index += 1) {
			endAll();
			end(fill()[0] as ConcurrencySample, 'overload');
		}
		expect(limit.limit).toBe(1);
	});

	it('never exceeds its maximum nor goes below 1', () => {
		const { clock, limit, fill, end, inFlight } = harness({ maxLimit: 10 });
		for (let wave = 0; wave < 10; wave += 1) {
			for (const sample of fill()) limit.onFirstToken(sample, baselineMs);
			clock.advance(baselineMs);
		}
		expect(limit.limit).toBe(10);
		for (let index = 0; index < 8; index += 1) {
			for (const sample of [...inFlight]) end(sample);
			end(fill()[0] as ConcurrencySample, 'overload');
		}
		expect(limit.limit).toBe(1);
	});

	it('ignores cold loads and failures, and lets the baseline follow a host that got slower', () => {
		const { clock, limit, start, end, fill } = harness();
		const cold = start(false);
		clock.advance(30_000);
		limit.onFirstToken(cold, 30_000);
		end(cold);
		expect(limit.baselineMs).toBeUndefined();
		const dropped = start();
		end(dropped, 'dropped');
		expect(limit.limit).toBe(4);
		// Alone on the host, a first token is never queueing behind our own requests: it moves the baseline.
		for (const ms of [40, 400, 400, 400, 400, 400]) {
			const sample = start();
			limit.onFirstToken(sample, ms);
			end(sample);
		}
		expect(limit.baselineMs).toBeGreaterThan(350);
		const wave = fill();
		for (const sample of wave) limit.onFirstToken(sample, 420);
		expect(limit.limit).toBeGreaterThan(4);
	});

	it('refuses options it cannot work with, naming the option', () => {
		const clock = new ManualClock();
		expect(() => new AdaptiveConcurrencyLimit(clock, { maxLimit: 0 })).toThrow('maxLimit must be a whole number of at least 1; got 0');
		expect(() => new AdaptiveConcurrencyLimit(clock, { overloadBackoff: 1 })).toThrow('overloadBackoff must be between 0 and 1; got 1');
		expect(() => new AdaptiveConcurrencyLimit(clock, { freeSlotFactor: 2, queuedFactor: 1.5 })).toThrow(
			'queuedFactor must be at least freeSlotFactor (2); got 1.5',
		);
		expect(new AdaptiveConcurrencyLimit(clock, { initialLimit: 8, maxLimit: 3 }).limit).toBe(3);
	});
});
