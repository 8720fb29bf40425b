import type { ChannelRecord, GuildRecord, InteractionRecord, MemberRecord, MessageRecord, ReactionEmoji, RoleRecord } from './records.js';

/** Something that happened in the emulated Discord; the gateway, the page feed and waiters listen to these. */
export type EmulatorEvent =
	| { readonly type: 'guildCreate'; readonly guild: GuildRecord }
	| { readonly type: 'channelCreate'; readonly channel: ChannelRecord }
	| { readonly type: 'channelDelete'; readonly channel: ChannelRecord }
	| { readonly type: 'guildDelete'; readonly guildId: string }
	| { readonly type: 'roleCreate'; readonly role: RoleRecord }
	| { readonly type: 'memberAdd'; readonly guildId: string; readonly member: MemberRecord }
	| { readonly type: 'messageCreate'; readonly message: MessageRecord }
	| { readonly type: 'messageUpdate'; readonly message: MessageRecord }
	| { readonly type: 'messageDelete'; readonly message: MessageRecord }
	| { readonly type: 'reactionAdd' | 'reactionRemove'; readonly message: MessageRecord; readonly userId: string; readonly emoji: ReactionEmoji }
	| { readonly type: 'reactionRemoveAll'; readonly message: MessageRecord }
	| { readonly type: 'reactionRemoveEmoji'; readonly message: MessageRecord; readonly emoji: ReactionEmoji }
	| { readonly type: 'typingStart'; readonly channelId: string; readonly guildId: string | null; readonly userId: string; readonly timestamp: number }
	| { readonly type: 'interactionCreate'; readonly interaction: InteractionRecord }
	| { readonly type: 'interactionUpdate'; readonly interaction: InteractionRecord }
	| { readonly type: 'commandsUpdate'; readonly guildId: string | null }
	| { readonly type: 'webhooksUpdate'; readonly channelId: string; readonly guildId: string };

/** A listener of {@link EmulatorEvent}s. */
export type EmulatorEventListener = (event: EmulatorEvent) => void;
