import type { CharacterRegistry } from '@charbot/characters';
import type { Config, Logger } from '@charbot/core';
import type { Registry } from 'prom-client';
import type { CommandRegistrationMode } from './commands/registration/registerCommandsOnStart.js';
import type { MessageOutcome } from './intake/MessageOutcome.js';

/** Options of `startGateway`; everything but `config` and `logger` has a default in `DefaultGatewayOptions`. */
export interface GatewayOptions {
	readonly config: Config;
	readonly logger: Logger;
	/** An open registry to use (and leave open); by default one is opened on `CHARACTERS_DIR`, watched, and closed with the app. */
	readonly characters?: CharacterRegistry;
	/** Returns a number in [0, 1) for the talkativeness rolls of active channels. */
	readonly random?: () => number;
	/** Waiting route jobs above which channels get the "you are in line" note. */
	readonly backlogThreshold?: number;
	/** How often the waiting count is read from Redis at most. */
	readonly backlogRefreshMs?: number;
	/** One backlog note per channel per this many milliseconds. */
	readonly backlogNoteIntervalMs?: number;
	/** Most characters one message may call. */
	readonly maxCharactersPerMessage?: number;
	/** How long a member's DM character is remembered. */
	readonly dmCharacterTtlSeconds?: number;
	/** How long login may take until every shard is ready. */
	readonly readyTimeoutMs?: number;
	/** How long stopping waits for messages being handled. */
	readonly drainTimeoutMs?: number;
	/** After this long, a slash command still being worked on tells the member so. */
	readonly slowInteractionMs?: number;
	/** Whether the gateway registers the slash commands on start (`auto`: only with the emulator). */
	readonly registerCommands?: CommandRegistrationMode;
	/** One typing request per channel per this long. */
	readonly typingIntervalMs?: number;
	/** No typing while this many typing requests are still queued in discord.js. */
	readonly maxTypingInFlight?: number;
	/** Most member messages held while Redis is unreachable; beyond it, the oldest are given up. */
	readonly maxHeldMessages?: number;
	/** How long a message is held for Redis before it is given up (default `REDIS_OUTAGE_PATIENCE`). */
	readonly heldMessageMaxAgeMs?: number;
	/** Held messages are tried again after this long, doubling up to `heldRetryMaxDelayMs` (and at once when Redis is back). */
	readonly heldRetryFirstDelayMs?: number;
	readonly heldRetryMaxDelayMs?: number;
	/** One "please send it again" reply per channel per this long. */
	readonly apologyIntervalMs?: number;
	/** Called with what happened to each message (tests, counters); its failures are logged. */
	readonly onMessageOutcome?: (outcome: MessageOutcome) => void;
	/** Metrics registry the gateway's series are registered on; a new one when absent. */
	readonly registry?: Registry;
}
