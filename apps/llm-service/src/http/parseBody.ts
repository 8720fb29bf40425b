import type { z } from 'zod';
import type { FieldIssue } from './FieldIssue.js';
import { RequestValidationError } from './RequestValidationError.js';

/** Validates a request body, throwing a {@link RequestValidationError} that names each bad field. */
export function parseBody<Schema extends z.ZodType>(schema: Schema, body: unknown): z.output<Schema> {
	if (body === undefined) throw new RequestValidationError([{ field: '(body)', message: 'missing request body; send a JSON object' }]);
	const result = schema.safeParse(body);
	if (!result.success) throw new RequestValidationError(toFieldIssues(result.error));
	return result.data;
}

/** Turns zod issues into field issues; an unknown key becomes an issue of its own, named by its path. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
	return error.issues.flatMap((issue) => {
		const path = issue.path.map(String);
		if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ field: [...path, key].join('.'), message: 'is not a known field' }));
		return [{ field: path.length === 0 ? '(body)' : path.join('.'), message: issue.message }];
	});
}
