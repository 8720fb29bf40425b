import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InvalidOptionsError } from './InvalidOptionsError.js';
import { parseOptions } from './parseOptions.js';
import { wholeNumberOption } from './wholeNumberOption.js';

const schema = z.object({
	batchSize: wholeNumberOption(1).default(10),
	delayMs: wholeNumberOption(0).default(250),
	limiter: z.object({ max: wholeNumberOption(1) }).default({ max: 40 }),
});

describe('parseOptions', () => {
	it('applies every default, keeps what was given, and drops what the schema does not know', () => {
		expect(parseOptions(schema, {})).toEqual({ batchSize: 10, delayMs: 250, limiter: { max: 40 } });
		expect(parseOptions(schema, { delayMs: 0, logger: 'not an option' })).toEqual({ batchSize: 10, delayMs: 0, limiter: { max: 40 } });
	});

	it('names every bad option, what is wrong and what was given, at once', () => {
		const parse = () => parseOptions(schema, { batchSize: 0, delayMs: 1.5, limiter: { max: Number.NaN } });
		expect(parse).toThrow(InvalidOptionsError);
		expect(parse).toThrow(
			'batchSize must be a whole number of at least 1, got 0; delayMs must be a whole number of at least 0, got 1.5; limiter.max must be a whole number of at least 1, got NaN',
		);
	});

	it('names an object or function by its kind, never by its text', () => {
		expect(() => parseOptions(schema, { batchSize: { secret: 'x' } })).toThrow('batchSize must be a whole number of at least 1, got object');
	});
});
