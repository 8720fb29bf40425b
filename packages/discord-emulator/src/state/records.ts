import type { PingedMentions } from '../mentions/resolvePings.js';
import type { PermissionOverwrite } from '../permissions/computeMemberPermissions.js';

/** Channel types the emulator models. */
export const ChannelType = { GuildText: 0, DM: 1, GuildCategory: 4 } as const;

/** A Discord user (a person, the bot, or another bot). */
export interface UserRecord {
	readonly id: string;
	username: string;
	globalName: string | null;
	readonly bot: boolean;
	/** Shown by the playground; Discord would serve an avatar hash from its CDN instead. */
	avatarUrl: string | null;
}

/** A guild role; the @everyone role has the guild's id. */
export interface RoleRecord {
	readonly id: string;
	readonly guildId: string;
	name: string;
	permissions: bigint;
	position: number;
	color: number;
	mentionable: boolean;
	hoist: boolean;
	/** Set for the bot's own integration role. */
	managed: boolean;
}

/** A user's membership of a guild. */
export interface MemberRecord {
	readonly userId: string;
	roles: readonly string[];
	readonly joinedAt: number;
	nick: string | null;
}

/** A guild (Discord's "server"). */
export interface GuildRecord {
	readonly id: string;
	name: string;
	ownerId: string;
	readonly channelIds: string[];
	readonly roles: Map<string, RoleRecord>;
	readonly members: Map<string, MemberRecord>;
}

/** A guild text channel, category or DM channel. */
export interface ChannelRecord {
	readonly id: string;
	readonly type: number;
	readonly guildId: string | null;
	name: string;
	position: number;
	topic: string | null;
	parentId: string | null;
	overwrites: PermissionOverwrite[];
	/** The other person of a DM channel. */
	readonly recipientId: string | null;
	lastMessageId: string | null;
	/** Newest last; created on the first message to keep idle channels small. */
	messages: Map<string, MessageRecord> | null;
}

/** A file attached to a message, with its bytes (kept for uploads through the REST API and the control API alike). */
export interface AttachmentRecord {
	readonly id: string;
	readonly filename: string;
	readonly size: number;
	readonly contentType: string | null;
	/** The bytes, served under `/_emu/attachments/`. */
	readonly data?: Uint8Array;
	/** Where the emulator serves the file (Discord's CDN URL otherwise). */
	readonly url?: string;
	readonly width?: number;
	readonly height?: number;
}

/** The interaction a message answers: a slash command (type 2) or a component click (type 3). */
export interface MessageInteractionRecord {
	readonly id: string;
	/** 2 application command, 3 message component. */
	readonly type: number;
	/** The command's name; empty for component interactions. */
	readonly name: string;
	readonly userId: string;
	/** The message whose component was used (type 3). */
	readonly interactedMessageId: string | null;
}

/** The emoji of a reaction: unicode (`id` null) or custom. */
export interface ReactionEmoji {
	readonly id: string | null;
	readonly name: string;
	readonly animated: boolean;
}

/** One emoji's reactions on a message; `userIds` in the order they reacted. */
export interface ReactionRecord {
	readonly emoji: ReactionEmoji;
	readonly userIds: Set<string>;
}

/** A message, including webhook and interaction-response messages. */
export interface MessageRecord {
	readonly id: string;
	readonly channelId: string;
	readonly guildId: string | null;
	/** The user id, or the webhook id for webhook messages. */
	readonly authorId: string;
	readonly webhookId: string | null;
	/** The name a webhook message shows (the `username` override or the webhook's name). */
	readonly webhookName: string | null;
	readonly webhookAvatarUrl: string | null;
	readonly applicationId: string | null;
	content: string;
	embeds: Record<string, unknown>[];
	attachments: AttachmentRecord[];
	components: unknown[];
	readonly timestamp: number;
	editedTimestamp: number | null;
	readonly type: number;
	flags: number;
	readonly tts: boolean;
	readonly referencedMessageId: string | null;
	/** Who this message notified, after `allowed_mentions` and permissions. */
	pings: PingedMentions;
	readonly nonce: string | null;
	readonly interaction: MessageInteractionRecord | null;
	/** In the order each emoji was first used. */
	reactions: ReactionRecord[];
}

/** A channel webhook. */
export interface WebhookRecord {
	readonly id: string;
	readonly token: string;
	readonly channelId: string;
	readonly guildId: string;
	name: string;
	avatarUrl: string | null;
	readonly creatorId: string;
	readonly applicationId: string | null;
}

/** One option of a registered application command, as the API shapes it. */
export interface CommandOptionData {
	readonly type: number;
	readonly name: string;
	readonly description?: string;
	readonly required?: boolean;
	readonly autocomplete?: boolean;
	readonly choices?: readonly { readonly name: string; readonly value: string | number }[];
	readonly options?: readonly CommandOptionData[];
	readonly min_value?: number;
	readonly max_value?: number;
}

/** A registered application command (global when `guildId` is null). */
export interface CommandRecord {
	readonly id: string;
	readonly guildId: string | null;
	readonly name: string;
	readonly description: string;
	readonly type: number;
	readonly options: readonly CommandOptionData[];
	readonly defaultMemberPermissions: string | null;
	readonly version: string;
	/** The rest of the registration body, kept as sent. */
	readonly extra: Readonly<Record<string, unknown>>;
}

/** An option value of an invoked command, flattened below subcommands. */
export interface InvokedOption {
	readonly name: string;
	readonly type: number;
	readonly value?: string | number | boolean;
	readonly focused?: boolean;
	readonly options?: readonly InvokedOption[];
}

/** An interaction's initial response as the bot sent it. */
export interface InteractionCallbackRecord {
	readonly type: number;
	readonly data: Readonly<Record<string, unknown>> | null;
	readonly at: number;
}

/** What a member used in a message component interaction (type 3). */
export interface ComponentInteractionData {
	readonly messageId: string;
	readonly customId: string;
	/** 2 button, 3 string select, 5 user, 6 role, 7 mentionable, 8 channel select. */
	readonly componentType: number;
	/** Chosen values of a select menu; empty for a button. */
	readonly values: readonly string[];
}

/** A slash command, autocomplete or component interaction and everything the bot answered to it. */
export interface InteractionRecord {
	readonly id: string;
	readonly token: string;
	/** 2 application command, 3 message component, 4 autocomplete. */
	readonly type: number;
	readonly guildId: string | null;
	readonly channelId: string;
	readonly userId: string;
	readonly commandId: string;
	readonly commandName: string;
	readonly options: readonly InvokedOption[];
	readonly createdAt: number;
	callback: InteractionCallbackRecord | null;
	/** The `@original` message, once a type 4 or 5 callback made one. */
	originalMessageId: string | null;
	readonly followUpMessageIds: string[];
	/** Choices of a type 8 autocomplete result. */
	autocompleteChoices: readonly unknown[] | null;
	/** Set for a component interaction (type 3); its command id and name are empty. */
	readonly component: ComponentInteractionData | null;
	/** Files given for attachment options (type 11), sent in `data.resolved.attachments`. */
	readonly attachments?: readonly AttachmentRecord[];
}
