import { describe, expect, it } from 'vitest';
import { SloppyPlanner } from './SloppyPlanner.js';
import { sloppyKinds } from './sloppyKinds.js';

describe('SloppyPlanner', () => {
	const plan = (sloppy: number, count: number, kinds: readonly (typeof sloppyKinds)[number][] = sloppyKinds) => {
		const planner = new SloppyPlanner();
		return Array.from({ length: count }, () => planner.next({ sloppy, sloppyKinds: kinds }));
	};

	it('spreads the share evenly: 0.25 is every 4th eligible reply', () => {
		expect(plan(0.25, 12).map((kind) => kind !== undefined)).toEqual([false, false, false, true, false, false, false, true, false, false, false, true]);
		expect(plan(0.3, 100).filter(Boolean)).toHaveLength(30);
		expect(plan(0.1, 1000).filter(Boolean)).toHaveLength(100);
		expect(plan(1, 5).every(Boolean)).toBe(true);
		expect(plan(0, 50).some(Boolean)).toBe(false);
	});

	it('lets the kinds take turns, so every kind comes up', () => {
		expect(plan(1, sloppyKinds.length * 2)).toEqual([...sloppyKinds, ...sloppyKinds]);
		expect(plan(0.5, 6, ['loop', 'refusal'])).toEqual([undefined, 'loop', undefined, 'refusal', undefined, 'loop']);
	});

	it('starts afresh after reset', () => {
		const planner = new SloppyPlanner();
		const behavior = { sloppy: 0.5, sloppyKinds: ['own-label', 'loop'] as const };
		expect([planner.next(behavior), planner.next(behavior)]).toEqual([undefined, 'own-label']);
		planner.reset();
		expect([planner.next(behavior), planner.next(behavior)]).toEqual([undefined, 'own-label']);
	});
});
