import { imageRefSchema, MaxImageRefs } from '@charbot/contracts';
import { z } from 'zod';

/** One remembered channel message. */
export const historyEntrySchema = z.object({
	messageId: z.string(),
	authorId: z.string(),
	authorName: z.string(),
	/** Set when a character said it. */
	characterId: z.string().optional(),
	content: z.string(),
	at: z.number(),
	/** For a character's reply: the message it answers. */
	answers: z.string().optional(),
	/** Pictures a member's message showed, by address, for a later reply to it (only the message being answered is seen). */
	images: z.array(imageRefSchema).max(MaxImageRefs).optional(),
});
/** One remembered channel message, as read. */
export type HistoryEntry = z.output<typeof historyEntrySchema>;
