import type { GatewayOptions } from './startGateway.js';

/** Defaults of the tunable {@link GatewayOptions}. */
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
} as const satisfies Required<
	Omit<GatewayOptions, 'config' | 'logger' | 'characters' | 'onMessageOutcome' | 'registerCommands' | 'registry' | 'heldMessageMaxAgeMs'>
>;

/** Options that must be at least 1. */
const oneOrMore = new Set<string>(['maxCharactersPerMessage', 'dmCharacterTtlSeconds', 'maxTypingInFlight', 'heldRetryFirstDelayMs', 'heldRetryMaxDelayMs']);

/** The tunable options with defaults applied. */
export type ResolvedGatewayOptions = {
	-readonly [Name in keyof typeof DefaultGatewayOptions]: (typeof DefaultGatewayOptions)[Name] extends number ? number : () => number;
};

/** Applies the defaults and checks each option, throwing a sentence that names the bad one. */
export function resolveGatewayOptions(options: GatewayOptions): ResolvedGatewayOptions {
	const resolved: ResolvedGatewayOptions = { ...DefaultGatewayOptions };
	for (const name of Object.keys(DefaultGatewayOptions) as (keyof ResolvedGatewayOptions)[]) {
		const value = options[name];
		if (value === undefined) continue;
		if (name === 'random') {
			if (typeof value !== 'function') throw new TypeError('random must be a function returning a number in [0, 1)');
			resolved.random = value as () => number;
			continue;
		}
		const minimum = oneOrMore.has(name) ? 1 : 0;
		if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum) {
			throw new RangeError(`${name} must be a whole number of at least ${minimum}, got ${String(value)}`);
		}
		resolved[name] = value;
	}
	return resolved;
}
