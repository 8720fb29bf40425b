import { characterIdSchema, incomingMessageSchema, MaxReplyParts, snowflakeSchema, triggerSchema } from '@charbot/contracts';
import { z } from 'zod';

/** What is kept of a posted character reply so a member can have it regenerated: its route job's essentials, its text and its parts. */
export const regenerableReplySchema = z.object({
	/** The job key of the answer that posted (or last regenerated) it. */
	jobKey: z.string().min(1).max(200),
	/** The message the reply answers. */
	message: incomingMessageSchema,
	characterId: characterIdSchema,
	/** How the reply came about first (a regeneration keeps the original trigger here). */
	trigger: triggerSchema,
	cascadeDepth: z.number().int().min(0).max(20),
	turnOf: snowflakeSchema.optional(),
	/** The reply as posted, all parts together. */
	text: z.string().min(1).max(20000),
	/** The model that wrote it, told to the next attempt with the text. */
	model: z.string().min(1).optional(),
	/** The Discord ids of its parts, in order; the last one carries the button and keys the record. */
	messageIds: z.array(snowflakeSchema).min(1).max(MaxReplyParts),
});

/** A posted reply that can be regenerated. */
export type RegenerableReply = z.output<typeof regenerableReplySchema>;
