import { parseOptions, wholeNumberOption } from '@charbot/core';
import { z } from 'zod';

/** Defaults of the tunable quality-control options (`QualityControlOptions` in `startQualityControl.ts` documents each). */
export const DefaultQualityControlOptions = {
	reviewConcurrency: 4,
	lockDurationMs: 30_000,
	judgeTimeoutMs: 8000,
} as const;

/** The tunable quality-control options: each checked, each but `maxAttempts` with its default. */
const qualityControlOptionsSchema = z.object({
	maxAttempts: wholeNumberOption(1),
	reviewConcurrency: wholeNumberOption(1).default(DefaultQualityControlOptions.reviewConcurrency),
	lockDurationMs: wholeNumberOption(1).default(DefaultQualityControlOptions.lockDurationMs),
	judgeTimeoutMs: wholeNumberOption(1).default(DefaultQualityControlOptions.judgeTimeoutMs),
});

/** The tunable options with defaults applied. */
export type ResolvedQualityControlOptions = z.output<typeof qualityControlOptionsSchema>;

/** Applies the defaults and checks each option, throwing a sentence that names every bad one. */
export function resolveQualityControlOptions(options: z.input<typeof qualityControlOptionsSchema>): ResolvedQualityControlOptions {
	return parseOptions(qualityControlOptionsSchema, options);
}
