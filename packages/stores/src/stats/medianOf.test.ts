import { describe, expect, it } from 'vitest';
import { medianOf } from './medianOf.js';

describe('medianOf', () => {
	it('is the middle value, the mean of the middle two, or null', () => {
		expect(medianOf([])).toBeNull();
		expect(medianOf([5])).toBe(5);
		expect(medianOf([300, 100, 200])).toBe(200);
		expect(medianOf([4, 1, 3, 2])).toBe(2.5);
	});
});
