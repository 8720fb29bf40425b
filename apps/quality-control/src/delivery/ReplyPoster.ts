/** A message Discord accepted. */
export interface PostedMessage {
	readonly id: string;
	/** The author Discord shows: the webhook's id, or the bot's. */
	readonly authorId: string | undefined;
}

/** How a reply reaches its channel: a channel webhook, a bot message in a DM, or an interaction's response. */
export interface ReplyPoster {
	readonly target: 'webhook' | 'bot' | 'interaction';
	/** Longest part this target takes (a name prefix uses some of Discord's 2,000). */
	readonly maxPartLength: number;
	/** Posts part `index` of a reply. */
	post(content: string, index: number): Promise<PostedMessage>;
}

/** Who a reply is from. */
export interface ReplyIdentity {
	readonly name: string;
	readonly avatarUrl: string | undefined;
}

/** Discord's `allowed_mentions`: nobody by default, at most the member being answered. */
export interface AllowedMentions {
	readonly parse: readonly [];
	readonly users?: readonly string[];
}
