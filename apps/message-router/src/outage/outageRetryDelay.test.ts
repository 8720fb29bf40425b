import { describe, expect, it } from 'vitest';
import { outageRetryDelay } from './outageRetryDelay.js';

describe('outageRetryDelay', () => {
	const middle = () => 0.5;

	it('waits about as long as the job has waited, from 1 s up to 30 s', () => {
		expect(outageRetryDelay(0, middle)).toBe(1000);
		expect(outageRetryDelay(4000, middle)).toBe(4000);
		expect(outageRetryDelay(10 * 60_000, middle)).toBe(30_000);
	});

	it('spreads waiting jobs by ±25 % without passing the ceiling', () => {
		expect(outageRetryDelay(8000, () => 0)).toBe(6000);
		expect(outageRetryDelay(8000, () => 0.999_999)).toBe(10_000);
		expect(outageRetryDelay(60_000, () => 0.999_999)).toBe(30_000);
	});
});
