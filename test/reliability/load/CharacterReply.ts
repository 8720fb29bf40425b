/** A character's reply in a load channel, with the question token it carries (if any). */
export interface CharacterReply {
	readonly id: string;
	readonly channelId: string;
	readonly content: string;
	readonly token: string | undefined;
	/** Discord's timestamp of the message, in ms. */
	readonly postedAt: number;
}
