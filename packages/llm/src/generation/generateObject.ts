import { formatZodIssues } from '@charbot/core';
import { z } from 'zod';
import { LlmError } from '../errors/LlmError.js';
import type { LlmPool } from '../LlmPool.js';
import type { GenerateRequest, GenerateResult } from './types.js';

/** A structured answer and the generation behind it. */
export interface ObjectResult<T> {
	readonly object: T;
	readonly result: GenerateResult;
}

/**
 * Asks for output matching a zod schema: the schema becomes Ollama's `format` (JSON schema), and the
 * reply is parsed and validated. Invalid output is an error naming the field (retryable: sampling may fix it).
 */
export async function generateObject<Schema extends z.ZodType>(
	pool: LlmPool,
	schema: Schema,
	request: Omit<GenerateRequest, 'format'>,
): Promise<ObjectResult<z.output<Schema>>> {
	const format = z.toJSONSchema(schema, { target: 'draft-7' }) as Record<string, unknown>;
	const result = await pool.generate({ ...request, format });
	let raw: unknown;
	try {
		raw = JSON.parse(result.text);
	} catch {
		throw new LlmError('structured-output', `${result.host} returned text that is not JSON: ${JSON.stringify(result.text.slice(0, 120))}`, true);
	}
	const parsed = schema.safeParse(raw);
	if (!parsed.success)
		throw new LlmError('structured-output', `${result.host} returned JSON that does not match the schema: ${formatZodIssues(parsed.error)}`, true);
	return { object: parsed.data, result };
}
