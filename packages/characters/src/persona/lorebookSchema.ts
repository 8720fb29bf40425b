import { z } from 'zod';

const key = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');

/** One lorebook entry: text added to the prompt when one of its keys shows up in the recent messages. */
export const loreEntrySchema = z
	.strictObject({
		name: z.string().max(200).optional(),
		keys: z.array(key).default([]),
		secondaryKeys: z.array(key).default([]),
		content: z.string().trim().min(1, 'must not be empty').max(8000, 'must be at most 8000 characters'),
		enabled: z.boolean().default(true),
		constant: z.boolean().default(false),
		selective: z.boolean().default(false),
		caseSensitive: z.boolean().default(false),
		insertionOrder: z.number({ error: 'must be a number' }).int('must be a whole number').default(100),
		comment: z.string().max(2000).optional(),
		extensions: z.record(z.string(), z.unknown()).default({}),
	})
	.refine((entry) => !entry.enabled || entry.constant || entry.keys.length > 0, {
		path: ['keys'],
		message: 'needs at least one key unless the entry is constant or disabled',
	})
	.refine((entry) => !entry.selective || entry.secondaryKeys.length > 0, {
		path: ['secondaryKeys'],
		message: 'needs at least one secondary key when selective is true',
	});

/** A character's lorebook (a Character Card "character book"). */
export const lorebookSchema = z.strictObject({
	name: z.string().max(200).optional(),
	description: z.string().max(2000).optional(),
	/** How many of the most recent messages (the triggering one included) are searched for keys. */
	scanDepth: z.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100').default(4),
	/** Most estimated tokens of lore put into one prompt. */
	tokenBudget: z
		.number({ error: 'must be a number' })
		.int('must be a whole number')
		.min(1, 'must be at least 1')
		.max(8000, 'must be at most 8000')
		.default(400),
	entries: z.array(loreEntrySchema).default([]),
	extensions: z.record(z.string(), z.unknown()).default({}),
});

/** A validated lorebook. */
export type Lorebook = z.output<typeof lorebookSchema>;
/** A validated lorebook entry. */
export type LoreEntry = z.output<typeof loreEntrySchema>;
