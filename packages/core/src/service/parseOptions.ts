import type { z } from 'zod';
import { InvalidOptionsError } from './InvalidOptionsError.js';

/**
 * Applies the defaults of an options schema and checks every option at once; throws an {@link InvalidOptionsError}
 * naming each bad one (`maxHeldMessages must be a whole number of at least 1, got 0`).
 */
export function parseOptions<Schema extends z.ZodType>(schema: Schema, options: unknown): z.output<Schema> {
	const parsed = schema.safeParse(options);
	if (parsed.success) return parsed.data;
	const problems = parsed.error.issues.map(
		(issue) => `${issue.path.map(String).join('.')} ${issue.message}, got ${describeValue(valueAt(options, issue.path))}`,
	);
	throw new InvalidOptionsError(problems.join('; '));
}

function valueAt(options: unknown, path: readonly PropertyKey[]): unknown {
	let value = options;
	for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined;
	return value;
}

// Objects and functions are named by their kind: their text may be long, or hold what should not be logged.
function describeValue(value: unknown): string {
	return typeof value === 'object' || typeof value === 'function' ? (value === null ? 'null' : typeof value) : String(value);
}
