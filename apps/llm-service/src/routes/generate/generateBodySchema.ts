import { z } from 'zod';

/** Longest prompt, system text or message the service takes, in characters. */
export const MaxTextLength = 200_000;

const text = z.string().max(MaxTextLength, `must be at most ${MaxTextLength} characters`);

/** Sampling settings of `POST /generate`; unknown keys are refused, so a typo is named instead of ignored. */
export const generationSettingsSchema = z.strictObject({
	temperature: z.number().min(0).max(2).optional(),
	max_tokens: z.number().int().min(1).max(32_768).optional(),
	top_p: z.number().min(0).max(1).optional(),
	top_k: z.number().int().min(0).max(1000).optional(),
	repeat_penalty: z.number().min(0).max(10).optional(),
	stop: z.array(z.string().min(1).max(200)).max(16).optional(),
	seed: z.number().int().optional(),
});

/** The body of `POST /generate`: a `prompt` or `messages`, and optional character, settings, role and model. */
export const generateBodySchema = z
	.strictObject({
		prompt: text.min(1, 'must not be empty').optional(),
		messages: z
			.array(z.strictObject({ role: z.enum(['system', 'user', 'assistant']), content: text }))
			.min(1, 'must hold at least one message')
			.max(1000, 'must hold at most 1000 messages')
			.optional(),
		system: text.optional(),
		character: z.string().min(1).max(64).optional(),
		settings: generationSettingsSchema.optional(),
		conversation_id: z.string().min(1).max(200).optional(),
		use_cache: z.boolean().default(true),
		role: z
			.string()
			.regex(/^[a-z][a-z0-9-]*$/, 'must be a role name such as chat, judge or escalation')
			.optional(),
		model: z.string().min(1).max(200).optional(),
		format: z.union([z.literal('json'), z.record(z.string(), z.unknown())]).optional(),
	})
	.superRefine((body, context) => {
		if (body.prompt === undefined && body.messages === undefined)
			context.addIssue({ code: 'custom', path: ['prompt'], message: 'is required (or give `messages`)' });
		if (body.prompt !== undefined && body.messages !== undefined)
			context.addIssue({ code: 'custom', path: ['messages'], message: 'give `prompt` or `messages`, not both' });
	});

/** A validated `POST /generate` body. */
export type GenerateBody = z.output<typeof generateBodySchema>;
