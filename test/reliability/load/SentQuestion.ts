/** One question a load test posted: its token appears in the question and must appear in exactly one reply. */
export interface SentQuestion {
	readonly token: string;
	readonly channelId: string;
	readonly authorId: string;
	/** The member message's Discord id. */
	readonly messageId: string;
	/** `Date.now()` when it was posted. */
	readonly sentAt: number;
}
