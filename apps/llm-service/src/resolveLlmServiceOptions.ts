import { parseOptions, wholeNumberOption } from '@charbot/core';
import { z } from 'zod';

/** Defaults of the tunable LLM service options (`LlmServiceOptions` in `startLlmService.ts` documents each). */
export const DefaultLlmServiceOptions = { bodyLimitBytes: 1_048_576, closeGraceMs: 10_000 } as const;

/** The tunable LLM service options: each checked, each with its default. */
const llmServiceOptionsSchema = z.object({
	bodyLimitBytes: wholeNumberOption(1).default(DefaultLlmServiceOptions.bodyLimitBytes),
	closeGraceMs: wholeNumberOption(0).default(DefaultLlmServiceOptions.closeGraceMs),
});

/** Applies the defaults and checks each option, throwing a sentence that names every bad one. */
export function resolveLlmServiceOptions(options: z.input<typeof llmServiceOptionsSchema>): z.output<typeof llmServiceOptionsSchema> {
	return parseOptions(llmServiceOptionsSchema, options);
}
