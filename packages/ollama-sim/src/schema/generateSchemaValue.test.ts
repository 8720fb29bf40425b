import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRandom } from '../text/createRandom.js';
import { generateSchemaValue } from './generateSchemaValue.js';

const verdict = z.object({
	pass: z.boolean(),
	score: z.number().int().min(1).max(10),
	confidence: z.number().gt(0).lt(1),
	category: z.enum(['in-character', 'out-of-character', 'unsafe']),
	reason: z.string().min(20).max(200),
	tags: z.array(z.string()).min(1).max(3),
	severity: z.literal('low'),
	suggestion: z.string().nullable(),
	note: z.string().optional(),
	reviewer: z.object({ id: z.uuid(), email: z.email(), at: z.iso.datetime() }),
	step: z.number().multipleOf(0.25).min(1).max(2),
});

describe('generateSchemaValue', () => {
	it('satisfies a judge-style schema made by zod, for many seeds', () => {
		const schema = z.toJSONSchema(verdict);
		for (let seed = 0; seed < 100; seed += 1) {
			const value = generateSchemaValue(schema, createRandom(seed));
			const result = verdict.safeParse(value);
			expect(result.error?.issues ?? []).toEqual([]);
		}
	});

	it('is deterministic for one seed', () => {
		const schema = z.toJSONSchema(verdict);
		expect(generateSchemaValue(schema, createRandom(5))).toEqual(generateSchemaValue(schema, createRandom(5)));
	});

	it('follows $ref, allOf, type arrays and exclusive bounds', () => {
		const schema = {
			$defs: { point: { type: 'object', properties: { x: { type: 'integer', exclusiveMinimum: 0, exclusiveMaximum: 2 } }, required: ['x'] } },
			type: 'object',
			properties: {
				where: { $ref: '#/$defs/point' },
				both: {
					allOf: [
						{ properties: { a: { type: 'boolean' } }, required: ['a'] },
						{ properties: { b: { const: 3 } }, required: ['b'] },
					],
				},
				maybe: { type: ['null', 'number'], minimum: 5, maximum: 5 },
				items: { type: 'array', items: { enum: ['a', 'b', 'c'] }, uniqueItems: true, minItems: 3, maxItems: 3 },
			},
			required: ['where', 'both', 'maybe', 'items'],
		};
		const value = generateSchemaValue(schema, createRandom(1)) as Record<string, unknown>;
		expect(value.where).toEqual({ x: 1 });
		expect(value.both).toMatchObject({ b: 3 });
		expect(typeof (value.both as { a: unknown }).a).toBe('boolean');
		expect(value.maybe).toBe(5);
		expect([...(value.items as string[])].sort()).toEqual(['a', 'b', 'c']);
	});

	it('meets simple string patterns', () => {
		const value = generateSchemaValue({ type: 'string', pattern: '^[0-9]+$' }, createRandom(2));
		expect(value).toMatch(/^[0-9]+$/);
	});
});
