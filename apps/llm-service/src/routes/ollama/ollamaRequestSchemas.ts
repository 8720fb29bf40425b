import { z } from 'zod';
import { MaxTextLength } from '../generate/generateBodySchema.js';
import { ollamaOptionsSchema } from './ollamaOptionsSchema.js';

const unsupported = 'is not supported by the charbot LLM service';
const noneOf = () => z.array(z.unknown()).max(0, unsupported).optional();

// Ollama ignores fields it doesn't know, so these objects are loose; fields the pool can't honour are refused, not dropped.
const common = {
	model: z.string({ error: 'is required' }).min(1, 'is required').max(200),
	stream: z.boolean().default(true),
	format: z
		.union([z.literal(''), z.literal('json'), z.record(z.string(), z.unknown())])
		.optional()
		.transform((format) => (format === '' ? undefined : format)),
	options: ollamaOptionsSchema.optional(),
	keep_alive: z.union([z.string(), z.number()]).optional(),
	think: z
		.union([z.boolean(), z.enum(['low', 'medium', 'high'])])
		.optional()
		.refine((think) => think === undefined || think === false, unsupported),
};

/** The body of Ollama's `POST /api/chat`. */
export const ollamaChatSchema = z.looseObject({
	...common,
	messages: z
		.array(
			z.looseObject({
				role: z.enum(['system', 'user', 'assistant'], { error: 'must be system, user or assistant (tool messages are not supported)' }),
				content: z.string().max(MaxTextLength),
				images: noneOf(),
				tool_calls: noneOf(),
			}),
		)
		.max(1000)
		.default([]),
	tools: noneOf(),
});

/** The body of Ollama's `POST /api/generate` (`context` is deprecated by Ollama and ignored). */
export const ollamaGenerateSchema = z.looseObject({
	...common,
	prompt: z.string().max(MaxTextLength).default(''),
	system: z.string().max(MaxTextLength).optional(),
	suffix: z.string().max(0, unsupported).optional(),
	template: z.string().max(0, unsupported).optional(),
	raw: z.literal(false, { error: unsupported }).optional(),
	images: noneOf(),
});

/** A validated `/api/chat` body. */
export type OllamaChatBody = z.output<typeof ollamaChatSchema>;
/** A validated `/api/generate` body. */
export type OllamaGenerateBody = z.output<typeof ollamaGenerateSchema>;
