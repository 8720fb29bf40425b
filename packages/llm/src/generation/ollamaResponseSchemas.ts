import { z } from 'zod';

/** A streamed `/api/chat` chunk, validated so a malformed host answer is an error, not garbage text. */
export const chatChunkSchema = z.object({
	model: z.string(),
	message: z.object({ role: z.string(), content: z.string() }).optional(),
	done: z.boolean(),
	done_reason: z.string().optional(),
	prompt_eval_count: z.number().int().nonnegative().optional(),
	eval_count: z.number().int().nonnegative().optional(),
	load_duration: z.number().nonnegative().optional(),
	total_duration: z.number().nonnegative().optional(),
});

/** `/api/tags`. */
export const tagsResponseSchema = z.object({
	models: z.array(z.object({ name: z.string(), model: z.string().optional(), digest: z.string(), size: z.number() })),
});

/** `/api/ps`. */
export const psResponseSchema = z.object({
	models: z.array(z.object({ name: z.string(), model: z.string().optional() })),
});

/** `/api/version`. */
export const versionResponseSchema = z.object({ version: z.string(), simulated: z.boolean().optional() }).loose();
