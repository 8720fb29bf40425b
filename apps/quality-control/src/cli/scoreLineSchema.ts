import { characterIdSchema } from '@charbot/core';
import { z } from 'zod';

/** An earlier message: a string is one of the character's own replies; an object may name its speaker. */
export const historyItemSchema = z.union([
	z.string(),
	z.object({
		/** Who said it; a member or another character. */
		author: z.string().min(1).max(100).optional(),
		/** Set when a character said it. */
		characterId: characterIdSchema.optional(),
		content: z.string(),
	}),
]);

/** One line of the `qc score` input file. */
export const scoreLineSchema = z.object({
	character: characterIdSchema,
	reply: z.string().max(20_000),
	/** Earlier messages of the channel, oldest first. */
	history: z.array(historyItemSchema).max(200).optional(),
});

/** A parsed input line. */
export type ScoreLine = z.output<typeof scoreLineSchema>;
