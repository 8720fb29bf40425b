import type { ReceivedImage } from './readMessageImages.js';

/** A Discord message as the gateway needs it: plain values, read once from discord.js. */
export interface ReceivedMessage {
	readonly id: string;
	readonly channelId: string;
	/** Null in direct messages. */
	readonly guildId: string | null;
	readonly authorId: string;
	readonly username: string;
	/** The nickname, global name or username; for a webhook post, the name it was posted under. */
	readonly displayName: string;
	readonly authorIsBot: boolean;
	/** Set when a webhook posted it. */
	readonly webhookId: string | null;
	readonly content: string;
	readonly createdAt: number;
	readonly replyToMessageId: string | undefined;
	/** Pictures it shows (the router finds a replied-to message's in the channel history). */
	readonly images: readonly ReceivedImage[];
	readonly botMentioned: boolean;
	/** A member's text message or reply, not a join, pin or other system notice. */
	readonly isChat: boolean;
}
