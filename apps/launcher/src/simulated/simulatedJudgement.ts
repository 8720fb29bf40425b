import { z } from 'zod';
import { seededRandom } from './seededRandom.js';

/** The parts of a JSON schema property a judgement is written from; anything else in it is ignored. */
const propertySchema = z.looseObject({
	type: z.union([z.string(), z.array(z.string())]).optional(),
	enum: z.array(z.unknown()).optional(),
	minimum: z.number().optional(),
	maximum: z.number().optional(),
	minItems: z.number().int().nonnegative().optional(),
	maxItems: z.number().int().positive().optional(),
});
const objectSchema = z.looseObject({ properties: z.record(z.string(), propertySchema) });

/**
 * A lenient judge's answer to a structured review request, as JSON for its `format` schema: every verdict-like enum
 * says "pass", ratings are plausible and high (0.8 to 0.95 of their range), booleans are true and notes say the reply
 * speaks as the character named in the request. Quality control asks the judge only about replies its rules passed, so
 * a local trial is never rejected at random; the answer is seeded by the request, so the same request gets the same one.
 * A `"json"` format or a schema it cannot read gets `{"verdict":"pass"}`.
 */
export function simulatedJudgement(messages: readonly { readonly content: string }[], format: unknown): string {
	const schema = objectSchema.safeParse(format);
	if (!schema.success) return JSON.stringify({ verdict: 'pass' });
	const request = messages.map((message) => message.content).join('\n');
	const random = seededRandom(request);
	const character = /^Character: (.{1,80})$/mu.exec(request)?.[1] ?? 'the character';
	const notes = [
		`Speaks as ${character}, in the first person.`,
		'No assistant talk and no notes about the reply.',
		`Answers the message in ${character}'s voice.`,
	];
	const value = (property: z.output<typeof propertySchema>): unknown => {
		const type = Array.isArray(property.type) ? property.type.find((each) => each !== 'null') : property.type;
		if (property.enum !== undefined) return property.enum.includes('pass') ? 'pass' : property.enum.includes(true) ? true : property.enum[0];
		if (type === 'number' || type === 'integer') {
			const low = property.minimum ?? 0;
			const high = property.maximum ?? 1;
			const rating = low + (high - low) * (0.8 + random.next() * 0.15);
			return type === 'integer' ? Math.round(rating) : Math.round(rating * 100) / 100;
		}
		if (type === 'boolean') return true;
		if (type === 'array')
			return notes.slice(0, Math.max(property.minItems ?? 1, Math.min(property.maxItems ?? notes.length, 1 + Math.floor(random.next() * notes.length))));
		if (type === 'string') return notes[0];
		return null;
	};
	return JSON.stringify(Object.fromEntries(Object.entries(schema.data.properties).map(([key, property]) => [key, value(property)])));
}
