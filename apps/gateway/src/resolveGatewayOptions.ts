import { parseOptions, wholeNumberOption } from '@charbot/core';
import { z } from 'zod';

/** Defaults of the tunable gateway options (`GatewayOptions` in `startGateway.ts` documents each). */
export const DefaultGatewayOptions = {
	random: Math.random,
	backlogThreshold: 50,
	backlogRefreshMs: 2000,
	backlogNoteIntervalMs: 60_000,
	maxCharactersPerMessage: 3,
	dmCharacterTtlSeconds: 30 * 86_400,
	readyTimeoutMs: 30_000,
	drainTimeoutMs: 10_000,
	slowInteractionMs: 2500,
	typingIntervalMs: 8000,
	maxTypingInFlight: 20,
	maxHeldMessages: 5000,
	heldRetryFirstDelayMs: 250,
	heldRetryMaxDelayMs: 5000,
	apologyIntervalMs: 60_000,
} as const;

const randomSource = z.custom<() => number>((value) => typeof value === 'function', { error: 'must be a function returning a number in [0, 1)' });

/** The tunable gateway options: each checked, each with its default. */
const gatewayOptionsSchema = z.object({
	random: randomSource.default(() => DefaultGatewayOptions.random),
	backlogThreshold: wholeNumberOption(0).default(DefaultGatewayOptions.backlogThreshold),
	backlogRefreshMs: wholeNumberOption(0).default(DefaultGatewayOptions.backlogRefreshMs),
	backlogNoteIntervalMs: wholeNumberOption(0).default(DefaultGatewayOptions.backlogNoteIntervalMs),
	maxCharactersPerMessage: wholeNumberOption(1).default(DefaultGatewayOptions.maxCharactersPerMessage),
	dmCharacterTtlSeconds: wholeNumberOption(1).default(DefaultGatewayOptions.dmCharacterTtlSeconds),
	readyTimeoutMs: wholeNumberOption(0).default(DefaultGatewayOptions.readyTimeoutMs),
	drainTimeoutMs: wholeNumberOption(0).default(DefaultGatewayOptions.drainTimeoutMs),
	slowInteractionMs: wholeNumberOption(0).default(DefaultGatewayOptions.slowInteractionMs),
	typingIntervalMs: wholeNumberOption(0).default(DefaultGatewayOptions.typingIntervalMs),
	maxTypingInFlight: wholeNumberOption(1).default(DefaultGatewayOptions.maxTypingInFlight),
	maxHeldMessages: wholeNumberOption(0).default(DefaultGatewayOptions.maxHeldMessages),
	heldRetryFirstDelayMs: wholeNumberOption(1).default(DefaultGatewayOptions.heldRetryFirstDelayMs),
	heldRetryMaxDelayMs: wholeNumberOption(1).default(DefaultGatewayOptions.heldRetryMaxDelayMs),
	apologyIntervalMs: wholeNumberOption(0).default(DefaultGatewayOptions.apologyIntervalMs),
});

/** The tunable options as given: any of them, or none. */
export type GatewayTunables = z.input<typeof gatewayOptionsSchema>;

/** The tunable options with defaults applied. */
export type ResolvedGatewayOptions = z.output<typeof gatewayOptionsSchema>;

/** Applies the defaults and checks each option, throwing a sentence that names every bad one. */
export function resolveGatewayOptions(options: GatewayTunables): ResolvedGatewayOptions {
	return parseOptions(gatewayOptionsSchema, options);
}
