import { describe, expect, it } from 'vitest';
import { isSnowflake, SnowflakeGenerator, snowflakeTimestamp } from './SnowflakeGenerator.js';

describe('SnowflakeGenerator', () => {
	it('makes 19-digit ids that decode to the time they were made', () => {
		const generator = new SnowflakeGenerator();
		const now = Date.UTC(2025, 5, 1);
		const id = generator.next(now);
		expect(id).toMatch(/^\d{19}$/);
		expect(snowflakeTimestamp(id)).toBe(now);
		expect(isSnowflake(id)).toBe(true);
	});

	it('never repeats, even for many ids in one millisecond', () => {
		const generator = new SnowflakeGenerator();
		const ids = new Set(Array.from({ length: 10_000 }, () => generator.next(1_700_000_000_000)));
		expect(ids.size).toBe(10_000);
	});

	it('keeps ids increasing when the clock goes back', () => {
		const generator = new SnowflakeGenerator();
		const later = BigInt(generator.next(1_700_000_000_500));
		expect(BigInt(generator.next(1_700_000_000_000))).toBeGreaterThan(later);
	});

	it('puts each nextInNewMillisecond id in its own millisecond', () => {
		const generator = new SnowflakeGenerator();
		const times = Array.from({ length: 5 }, () => snowflakeTimestamp(generator.nextInNewMillisecond(1_700_000_000_000)));
		expect(times).toEqual([0, 1, 2, 3, 4].map((offset) => 1_700_000_000_000 + offset));
	});

	it('rejects things that are not snowflakes', () => {
		expect(isSnowflake('123')).toBe(false);
		expect(isSnowflake('abcdefghijklmnopqr')).toBe(false);
		expect(isSnowflake(1_234_567)).toBe(false);
	});
});
