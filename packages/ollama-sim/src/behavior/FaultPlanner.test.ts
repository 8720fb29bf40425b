import { describe, expect, it } from 'vitest';
import { FaultPlanner } from './FaultPlanner.js';

describe('FaultPlanner', () => {
	const hits = (rate: number, count: number) => {
		const planner = new FaultPlanner();
		return Array.from({ length: count }, () => planner.next({ fault: 'http500', faultRate: rate }) === 'http500');
	};

	it('spreads a rate evenly and deterministically', () => {
		expect(hits(0.5, 6)).toEqual([false, true, false, true, false, true]);
		expect(hits(0.25, 8).filter(Boolean)).toHaveLength(2);
		expect(hits(0.1, 100).filter(Boolean)).toHaveLength(10);
		expect(hits(1, 5).every(Boolean)).toBe(true);
		expect(hits(0, 5).some(Boolean)).toBe(false);
	});

	it('never applies none or refuse to single requests', () => {
		const planner = new FaultPlanner();
		expect(planner.next({ fault: 'none', faultRate: 1 })).toBe('none');
		expect(planner.next({ fault: 'refuse', faultRate: 1 })).toBe('none');
	});
});
