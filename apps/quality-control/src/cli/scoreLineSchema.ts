import { characterIdSchema } from '@charbot/contracts';
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
	/** The member's message the reply answers (optional; the judge and the corpus use it). */
	message: z.string().max(4000).optional(),
	/** Earlier messages of the channel, oldest first. */
	history: z.array(historyItemSchema).max(200).optional(),
});

/** A parsed input line. */
export type ScoreLine = z.output<typeof scoreLineSchema>;

/** One labeled reply of a corpus: a `qc score` line with the verdict it deserves and the kind of reply it is. */
export const corpusLineSchema = scoreLineSchema.extend({
	id: z.string().min(1).max(40),
	label: z.enum(['pass', 'fail']),
	/** What kind of failure it is (`assistant-frame`, `loop`, ...) or of pass (`in-character`, `trap-list`, ...). */
	category: z.string().regex(/^[a-z][a-z-]{1,40}$/u, 'must be a lowercase kebab-case name'),
});

/** A parsed corpus line. */
export type CorpusLine = z.output<typeof corpusLineSchema>;
