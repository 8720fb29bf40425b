import { characterIdSchema } from '@charbot/contracts';
import { z } from 'zod';
import { lorebookSchema } from './lorebookSchema.js';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const between = (min: number, max: number) =>
	z.number({ error: 'must be a number' }).min(min, `must be between ${min} and ${max}`).max(max, `must be between ${min} and ${max}`);
const wholeNumber = (min: number, max: number) => between(min, max).int('must be a whole number');

/** One exchange of an example dialogue: what someone says and how the character answers; either may be missing. */
export const exampleExchangeSchema = z
	.strictObject({ user: text(4000).optional(), character: text(4000).optional() })
	.refine((exchange) => exchange.user !== undefined || exchange.character !== undefined, 'needs a user line, a character line or both');

/** One example dialogue: a list of exchanges, or a single exchange written without the list. */
export const exampleDialogueSchema = z.preprocess(
	(value) => (typeof value === 'object' && value !== null && !Array.isArray(value) ? [value] : value),
	z.array(exampleExchangeSchema).min(1, 'must hold at least one exchange'),
);

/** Generation settings that override the deployment's defaults for this character. */
export const generationSettingsSchema = z.strictObject({
	temperature: between(0, 2).optional(),
	topP: between(0, 1).optional(),
	topK: wholeNumber(1, 1000).optional(),
	repeatPenalty: between(0, 3).optional(),
	maxTokens: wholeNumber(1, 8192).optional(),
	stop: z.array(z.string().min(1, 'must not be empty')).max(8, 'must hold at most 8 stop sequences').optional(),
});

/** What the character would never say or do; the prompt states them and quality control checks replies against them. */
export const qualityHintsSchema = z.strictObject({
	neverSays: z.array(text(200)).default([]),
	mustNot: z.array(text(300)).default([]),
});

/** A persona file, validated. Field by field documentation: `characters/README.md`. */
export const personaSchema = z
	.strictObject({
		id: characterIdSchema,
		displayName: text(80),
		avatarUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
		color: z
			.string()
			.regex(/^#[0-9a-fA-F]{6}$/, 'must be a hex colour such as #3b82f6')
			.optional(),
		description: text(16000),
		personality: text(8000).optional(),
		speechStyle: text(2000).optional(),
		catchphrases: z.array(text(200)).default([]),
		exampleDialogues: z.array(exampleDialogueSchema).default([]),
		aliases: z.array(text(64)).default([]),
		relationships: z.record(characterIdSchema, text(1000)).default({}),
		talkativeness: between(0, 1).default(0.2),
		generation: generationSettingsSchema.default({}),
		modelRole: z
			.string()
			.regex(/^[a-z][a-z0-9-]{0,31}$/, 'must be a role name such as chat, judge or escalation')
			.default('chat'),
		quality: qualityHintsSchema.default({ neverSays: [], mustNot: [] }),
		greetings: z.array(text(8000)).default([]),
		lorebook: lorebookSchema.optional(),
		scenario: text(8000).optional(),
		systemPrompt: text(8000).optional(),
		postHistoryInstructions: text(4000).optional(),
		tags: z.array(text(64)).default([]),
		creatorNotes: text(20000).optional(),
		extensions: z.record(z.string(), z.unknown()).default({}),
	})
	.superRefine((persona, context) => {
		if (persona.id in persona.relationships) {
			context.addIssue({ code: 'custom', path: ['relationships', persona.id], message: 'a character cannot have a relationship with itself' });
		}
		const seen = new Set<string>();
		for (const [index, name] of [persona.displayName, ...persona.aliases].entries()) {
			const key = name.toLocaleLowerCase();
			if (seen.has(key) && index > 0) context.addIssue({ code: 'custom', path: ['aliases', index - 1], message: `repeats the name "${name}"` });
			seen.add(key);
		}
	});

/** A validated persona, with every default applied. */
export type Persona = z.output<typeof personaSchema>;
/** A persona as written in a file, before defaults. */
export type PersonaInput = z.input<typeof personaSchema>;
/** One exchange of an example dialogue. */
export type ExampleExchange = z.output<typeof exampleExchangeSchema>;
/** A persona's generation overrides; each maps to an Ollama option (see `characters/README.md`). */
export type GenerationSettings = z.output<typeof generationSettingsSchema>;
/** What a persona never says or does. */
export type QualityHints = z.output<typeof qualityHintsSchema>;
