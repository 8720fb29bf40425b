/** A message Discord accepted. */
export interface PostedMessage {
	readonly id: string;
	/** The author Discord shows: the webhook's id, or the bot's. */
	readonly authorId: string | undefined;
}

/** How a reply reaches its channel: a channel webhook, a bot message in a DM, or an interaction's response. */
export interface ReplyPoster {
	readonly target: 'webhook' | 'bot' | 'interaction';
	/** Longest part this target takes: 2,000 characters of content, or 4,096 of an embed's description. */
	readonly maxPartLength: number;
	/** Posts part `index` of a reply; `last` says it ends the reply (where a webhook reply carries its regenerate button). */
	post(content: string, index: number, last: boolean): Promise<PostedMessage>;
	/**
	 * Messages in the channel since `sinceMs` that look like part `index` with this `content` as this poster posts it,
	 * oldest first: what an attempt that died before recording its post may have left. Absent where a repeat is harmless.
	 */
	findPosted?(content: string, index: number, sinceMs: number): Promise<readonly PostedMessage[]>;
}

/** A channel webhook's poster, which can also change the replies it posted (a regeneration edits them in place). */
export interface WebhookReplyPoster extends ReplyPoster {
	readonly target: 'webhook';
	/** Replaces the text of a reply's part posted earlier, keeping its id; `last` as for `post`. */
	edit(messageId: string, content: string, last: boolean): Promise<PostedMessage>;
	/** Deletes a part posted earlier that a shorter regenerated reply no longer needs; one already gone counts as deleted. */
	remove(messageId: string): Promise<void>;
}

/** Who a reply is from. */
export interface ReplyIdentity {
	readonly name: string;
	readonly avatarUrl: string | undefined;
	/** The persona's colour as a number (`0x3b82f6`), for embeds. */
	readonly color?: number | undefined;
}

/** Discord's `allowed_mentions`: nobody by default, at most the member being answered. */
export interface AllowedMentions {
	readonly parse: readonly [];
	readonly users?: readonly string[];
	/** Whether a message replying to another pings that message's author (Discord's default: yes). */
	readonly replied_user?: boolean;
}

/** How a bot message or an interaction response shows who speaks: an embed authored by the character, or plain text. */
export type PostStyle = 'embed' | 'plain';
