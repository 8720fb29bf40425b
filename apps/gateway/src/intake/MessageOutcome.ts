import type { TriggerReason } from '../triggers/decideTriggers.js';

/** Why a message was not handed to any character before a trigger decision. */
export type IgnoreReason = 'own-message' | 'webhook' | 'other-bot' | 'system-message' | 'empty';

/** What the gateway did with one message; logged, and reported to `onMessageOutcome` (tests, counters). */
export type MessageOutcome =
	| { readonly kind: 'ignored'; readonly messageId: string; readonly reason: IgnoreReason }
	| { readonly kind: 'not-triggered'; readonly messageId: string; readonly reason: Exclude<TriggerReason, 'triggered'> }
	| { readonly kind: 'cooldown'; readonly messageId: string; readonly reason: 'user-cooldown' | 'channel-cooldown' }
	| { readonly kind: 'refused'; readonly messageId: string; readonly reason: 'member-budget' | 'guild-budget' | 'dms-off' }
	| { readonly kind: 'enqueued'; readonly messageId: string; readonly jobIds: readonly string[] }
	| { readonly kind: 'failed'; readonly messageId: string; readonly error: string };
