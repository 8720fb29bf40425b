import type { z } from 'zod';
import type { FieldError } from './DiscordApiFailure.js';

const typeCodes: Readonly<Record<string, FieldError>> = {
	string: { code: 'BASE_TYPE_STRING', message: 'Must be a valid string.' },
	number: { code: 'NUMBER_TYPE_COERCE', message: 'Value is not int.' },
	int: { code: 'NUMBER_TYPE_COERCE', message: 'Value is not int.' },
	boolean: { code: 'BASE_TYPE_BOOLEAN', message: 'Must be either true or false.' },
	array: { code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' },
	object: { code: 'MODEL_TYPE_CONVERT', message: 'Only dictionaries may be used in a ModelType' },
};

/** Turns zod issues into Discord's 50035 field errors keyed by dotted path. */
export function zodIssuesToFieldErrors(error: z.ZodError): Record<string, FieldError[]> {
	const fields: Record<string, FieldError[]> = {};
	for (const issue of error.issues) {
		const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '_root';
		const expected = issue.code === 'invalid_type' ? typeCodes[String(issue.expected)] : undefined;
		const entry = expected ?? { code: 'BASE_TYPE_INVALID', message: issue.message };
		const existing = fields[path] ?? [];
		existing.push(entry);
		fields[path] = existing;
	}
	return fields;
}
