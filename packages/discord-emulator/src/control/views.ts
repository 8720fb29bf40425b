import type { PingedMentions } from '../mentions/resolvePings.js';
import type { InvokedOption } from '../state/records.js';

/** A message as the control API shows it: who wrote it as Discord displays them, and who it pinged. */
export interface TranscriptMessage {
	readonly id: string;
	readonly channelId: string;
	readonly guildId: string | null;
	readonly content: string;
	/** ISO time. */
	readonly timestamp: string;
	readonly editedTimestamp: string | null;
	readonly author: TranscriptAuthor;
	/** Set for webhook messages and interaction responses. */
	readonly webhookId: string | null;
	/** The message this one replies to. */
	readonly replyTo: string | null;
	/** Who was actually notified, after `allowed_mentions` and permissions. */
	readonly mentionsPinged: PingedMentions;
	readonly embeds: readonly Record<string, unknown>[];
	readonly attachments: readonly TranscriptAttachment[];
	readonly flags: number;
	/** Visible only to the invoker (interaction responses with flag 64). */
	readonly ephemeral: boolean;
	/** A deferred interaction response still "thinking". */
	readonly loading: boolean;
	/** The interaction this message answers; `type` 2 is a slash command (named), 3 a component click (`commandName` empty). */
	readonly interaction: { readonly id: string; readonly type: number; readonly commandName: string; readonly userId: string } | null;
	readonly type: number;
	/** Action rows of buttons and select menus, as Discord echoes them (each with its numeric `id`). */
	readonly components: readonly Record<string, unknown>[];
	/** Reactions in the order each emoji was first used. */
	readonly reactions: readonly TranscriptReaction[];
	/** Written by the bot, one of its webhooks, or as an interaction response. */
	readonly fromBot: boolean;
}

/** A file on a {@link TranscriptMessage}. */
export interface TranscriptAttachment {
	readonly id: string;
	readonly filename: string;
	readonly size: number;
	readonly contentType: string | null;
	/** Path of the served file (`/_emu/attachments/…`), or null when the emulator kept only its name and size. */
	readonly url: string | null;
	readonly width: number | null;
	readonly height: number | null;
}

/** One emoji's reactions on a {@link TranscriptMessage}. */
export interface TranscriptReaction {
	/** `id` null for a unicode emoji. */
	readonly emoji: { readonly id: string | null; readonly name: string; readonly animated: boolean };
	readonly count: number;
	/** Who reacted, in the order they did. */
	readonly userIds: readonly string[];
	/** The bot reacted with it. */
	readonly me: boolean;
}

/** The author of a {@link TranscriptMessage}. */
export interface TranscriptAuthor {
	/** The user id, or the webhook id for webhook messages. */
	readonly id: string;
	/** The name Discord shows: the webhook's (overridden) name, else nickname, global name or username. */
	readonly displayName: string;
	readonly username: string;
	/** The avatar URL given (webhook `avatar_url` or the user's), or null. */
	readonly avatarUrl: string | null;
	readonly bot: boolean;
	readonly kind: 'user' | 'bot' | 'webhook';
}

/** An interaction and everything the bot answered. */
export interface InteractionView {
	readonly id: string;
	/** The slash command's name; empty for a component interaction. */
	readonly commandName: string;
	/** What a member used, for a component interaction (type 3). */
	readonly component: {
		readonly messageId: string;
		readonly customId: string;
		readonly componentType: number;
		readonly values: readonly string[];
	} | null;
	readonly channelId: string;
	readonly guildId: string | null;
	readonly userId: string;
	readonly options: readonly InvokedOption[];
	readonly createdAt: string;
	/**
	 * pending, deferred (type 5), replied (type 4 or an edited deferral), autocompleted (type 8), modal (type 9); for a
	 * component interaction also deferredUpdate (type 6) and updated (type 7, the component's message edited).
	 */
	readonly state: 'pending' | 'deferred' | 'replied' | 'autocompleted' | 'modal' | 'deferredUpdate' | 'updated';
	readonly callbackType: number | null;
	readonly ephemeral: boolean;
	readonly original: TranscriptMessage | null;
	readonly followUps: readonly TranscriptMessage[];
	readonly autocompleteChoices: readonly unknown[] | null;
}

/** An event of the live feed the playground listens to. */
export type FeedEvent =
	| { readonly type: 'messageCreate' | 'messageUpdate'; readonly message: TranscriptMessage }
	| { readonly type: 'messageDelete'; readonly channelId: string; readonly id: string }
	| { readonly type: 'typing'; readonly channelId: string; readonly userId: string; readonly displayName: string }
	| { readonly type: 'guildCreate'; readonly guildId: string; readonly name: string }
	| { readonly type: 'channelCreate'; readonly guildId: string | null; readonly channelId: string; readonly name: string }
	| { readonly type: 'commandsUpdate'; readonly guildId: string | null }
	| { readonly type: 'interactionUpdate'; readonly interaction: InteractionView };
