import { parseOptions, wholeNumberOption } from '@charbot/core';
import { z } from 'zod';

/** Defaults of the tunable delivery options (`DeliveryOptions` in `startDelivery.ts` documents each). */
export const DefaultDeliveryOptions = {
	limiter: { max: 40, duration: 1000 },
	concurrency: 4,
	lockDurationMs: 30_000,
} as const;

/** The tunable delivery options: each checked, each with its default. */
const deliveryOptionsSchema = z.object({
	limiter: z.object({ max: wholeNumberOption(1), duration: wholeNumberOption(1) }).default(DefaultDeliveryOptions.limiter),
	concurrency: wholeNumberOption(1).default(DefaultDeliveryOptions.concurrency),
	lockDurationMs: wholeNumberOption(1).default(DefaultDeliveryOptions.lockDurationMs),
});

/** The tunable options with defaults applied. */
export type ResolvedDeliveryOptions = z.output<typeof deliveryOptionsSchema>;

/** Applies the defaults and checks each option, throwing a sentence that names every bad one. */
export function resolveDeliveryOptions(options: z.input<typeof deliveryOptionsSchema>): ResolvedDeliveryOptions {
	return parseOptions(deliveryOptionsSchema, options);
}
