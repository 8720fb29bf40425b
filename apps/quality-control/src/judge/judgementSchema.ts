import { z } from 'zod';

/**
 * The judge model's structured answer, validated before it counts. `reasons` comes first: Ollama's grammar writes the
 * keys in this order, so a small model notes what it saw before it rates and decides.
 */
export const judgementSchema = z.object({
	/** One to five short notes on the rubric's checks, for a pass too. */
	reasons: z.array(z.string().trim().min(1).max(300)).min(1).max(5),
	/** How well the reply stays in character, 0..1. */
	inCharacter: z.number().min(0).max(1),
	/** How well it answers the member's message, 0..1. */
	onTopic: z.number().min(0).max(1),
	verdict: z.enum(['pass', 'fail']),
});

/** A judge's verdict on a reply. */
export type Judgement = z.output<typeof judgementSchema>;
