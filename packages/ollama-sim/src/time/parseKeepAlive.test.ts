import { describe, expect, it } from 'vitest';
import { parseGoDuration } from './parseGoDuration.js';
import { parseKeepAlive } from './parseKeepAlive.js';

describe('parseKeepAlive', () => {
	it('reads numbers as seconds and strings as Go durations', () => {
		expect(parseKeepAlive(30)).toBe(30_000);
		expect(parseKeepAlive(0.5)).toBe(500);
		expect(parseKeepAlive('5m')).toBe(300_000);
		expect(parseKeepAlive('1h30m')).toBe(5_400_000);
		expect(parseKeepAlive('250ms')).toBe(250);
		expect(parseKeepAlive('0')).toBe(0);
		expect(parseKeepAlive(0)).toBe(0);
	});

	it('treats any negative value as forever and undefined as the server default', () => {
		expect(parseKeepAlive(-1)).toBe(Number.POSITIVE_INFINITY);
		expect(parseKeepAlive('-1m')).toBe(Number.POSITIVE_INFINITY);
		expect(parseKeepAlive(undefined)).toBeUndefined();
		expect(parseKeepAlive(null)).toBeUndefined();
	});

	it("fails with Go's own texts", () => {
		expect(() => parseKeepAlive('300')).toThrow('time: missing unit in duration "300"');
		expect(() => parseKeepAlive('1d')).toThrow('time: unknown unit "d" in duration "1d"');
		expect(() => parseKeepAlive('soon')).toThrow('time: invalid duration "soon"');
		expect(() => parseKeepAlive(true)).toThrow("Unsupported type: 'boolean'");
	});
});

describe('parseGoDuration', () => {
	it('parses fractions, signs and micro units', () => {
		expect(parseGoDuration('1.5h')).toBe(5_400_000);
		expect(parseGoDuration('+2s')).toBe(2000);
		expect(parseGoDuration('-3s')).toBe(-3000);
		expect(parseGoDuration('1500us')).toBeCloseTo(1.5);
		expect(parseGoDuration('.5s')).toBe(500);
	});
});
