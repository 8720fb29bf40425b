import { z } from 'zod';

/** One streamed `chat.completion.chunk`, validated so a malformed answer is an error, not garbage text. */
export const chatCompletionChunkSchema = z
	.object({
		model: z.string().optional(),
		choices: z
			.array(
				z
					.object({
						delta: z.object({ content: z.string().nullish() }).loose().nullish(),
						finish_reason: z.string().nullish(),
					})
					.loose(),
			)
			.default([]),
		usage: z.object({ prompt_tokens: z.number().int().nonnegative(), completion_tokens: z.number().int().nonnegative() }).loose().nullish(),
		error: z.union([z.object({ message: z.string() }).loose(), z.string()]).optional(),
	})
	.loose();

/** `GET /v1/models`. */
export const modelListSchema = z.object({ data: z.array(z.object({ id: z.string().min(1) }).loose()) }).loose();

/** An error body as OpenAI, vLLM and llama.cpp's server write it (`{"error": {...}}`, some servers a plain string). */
export const errorBodySchema = z
	.object({
		error: z.union([
			z.object({ message: z.string().optional(), code: z.union([z.string(), z.number()]).nullish(), type: z.string().nullish() }).loose(),
			z.string(),
		]),
	})
	.loose();
