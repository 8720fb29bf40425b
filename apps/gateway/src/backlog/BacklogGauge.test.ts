import { describe, expect, it } from 'vitest';
import { BacklogGauge } from './BacklogGauge.js';

describe('BacklogGauge', () => {
	it('counts at most once per refresh interval, and once for concurrent callers', async () => {
		let now = 0;
		let counts = 0;
		const gauge = new BacklogGauge(async () => ++counts * 10, { refreshMs: 2000, clock: { now: () => now } });
		expect(await Promise.all([gauge.current(), gauge.current(), gauge.current()])).toEqual([10, 10, 10]);
		now = 1999;
		expect(await gauge.current()).toBe(10);
		now = 2000;
		expect(await gauge.current()).toBe(20);
		expect(counts).toBe(2);
	});

	it('counts again after a failed count', async () => {
		let fail = true;
		const gauge = new BacklogGauge(
			async () => {
				if (fail) throw new Error('redis away');
				return 7;
			},
			{ refreshMs: 2000 },
		);
		await expect(gauge.current()).rejects.toThrow('redis away');
		fail = false;
		expect(await gauge.current()).toBe(7);
	});
});
