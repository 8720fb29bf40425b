import { z } from 'zod';

/** The judge model's structured answer, validated before it counts. */
export const judgementSchema = z.object({
	/** How well the reply stays in character, 0..1. */
	inCharacter: z.number().min(0).max(1),
	/** How well it answers the member's message, 0..1. */
	onTopic: z.number().min(0).max(1),
	verdict: z.enum(['pass', 'fail']),
	/** Short reasons for a fail. */
	reasons: z.array(z.string().max(300)).max(5),
});

/** A judge's verdict on a reply. */
export type Judgement = z.output<typeof judgementSchema>;
