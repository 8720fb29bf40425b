import type { CacheScope } from '@charbot/llm';
import { z } from 'zod';

/** The body of `POST /cache/clear`: exactly one of `{ scope: 'all' }`, `{ character }` or `{ model }`. */
export const cacheClearBodySchema = z
	.strictObject({
		scope: z.literal('all', { error: 'must be "all" (or give `character` or `model` instead)' }).optional(),
		character: z.string().min(1).max(64).optional(),
		model: z.string().min(1).max(200).optional(),
	})
	.superRefine((body, context) => {
		const given = [body.scope, body.character, body.model].filter((value) => value !== undefined).length;
		if (given === 0)
			context.addIssue({ code: 'custom', path: ['scope'], message: 'is required: give { "scope": "all" }, { "character": id } or { "model": name }' });
		if (given > 1) context.addIssue({ code: 'custom', path: ['scope'], message: 'give only one of `scope`, `character` or `model`' });
	})
	.transform((body): CacheScope => {
		if (body.character !== undefined) return { character: body.character };
		if (body.model !== undefined) return { model: body.model };
		return { all: true };
	});
