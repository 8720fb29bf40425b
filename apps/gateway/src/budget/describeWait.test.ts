import { describe, expect, it } from 'vitest';
import { describeWait } from './describeWait.js';

describe('describeWait', () => {
	it('rounds up to whole minutes, and to hours past an hour and a half', () => {
		expect(describeWait(0)).toBe('about a minute');
		expect(describeWait(59_000)).toBe('about a minute');
		expect(describeWait(61_000)).toBe('about 2 minutes');
		expect(describeWait(600_000)).toBe('about 10 minutes');
		expect(describeWait(89 * 60_000)).toBe('about 89 minutes');
		expect(describeWait(3 * 3_600_000)).toBe('about 3 hours');
	});
});
