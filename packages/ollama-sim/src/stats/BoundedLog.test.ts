import { describe, expect, it } from 'vitest';
import { BoundedLog } from './BoundedLog.js';

describe('BoundedLog', () => {
	it('keeps the last items, oldest first, and clears', () => {
		const log = new BoundedLog<number>(3);
		for (const item of [1, 2]) log.add(item);
		expect(log.toArray()).toEqual([1, 2]);
		for (const item of [3, 4, 5, 6, 7]) log.add(item);
		expect(log.toArray()).toEqual([5, 6, 7]);
		expect(log.size).toBe(3);
		log.clear();
		log.add(8);
		expect(log.toArray()).toEqual([8]);
		expect(() => new BoundedLog(0)).toThrow(/at least 1/);
	});
});
