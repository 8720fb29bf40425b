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
	readonly botMentioned: boolean;
	/** A member's text message or reply, not a join, pin or other system notice. */
	readonly isChat: boolean;
}
