import { formatZodIssues } from '@charbot/core';
import type { z } from 'zod';

/** One input line: its parsed value, or why it is bad (`field: problem`). */
export type ParsedLine<T> =
	{ readonly line: number; readonly ok: true; readonly value: T } | { readonly line: number; readonly ok: false; readonly error: string };

/** Parses each non-blank JSONL line with the schema; a bad line is reported with its number, the others go on. */
export function parseJsonLines<Schema extends z.ZodType>(text: string, schema: Schema): ParsedLine<z.output<Schema>>[] {
	const outcomes: ParsedLine<z.output<Schema>>[] = [];
	for (const [index, raw] of text.split(/\r?\n/u).entries()) {
		if (raw.trim() === '') continue;
		const line = index + 1;
		let json: unknown;
		try {
			json = JSON.parse(raw);
		} catch (error) {
			outcomes.push({ line, ok: false, error: `not valid JSON (${(error as Error).message})` });
			continue;
		}
		const parsed = schema.safeParse(json);
		outcomes.push(parsed.success ? { line, ok: true, value: parsed.data } : { line, ok: false, error: formatZodIssues(parsed.error) });
	}
	return outcomes;
}
