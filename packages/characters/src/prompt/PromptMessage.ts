/** One channel message as a prompt needs it. */
export interface PromptMessage {
	/** The display name of whoever wrote it, member or character. Member names are sanitised before use. */
	readonly authorName: string;
	/** Set when a character wrote it; the character's own lines become `assistant` turns. */
	readonly characterId?: string;
	readonly content: string;
	/** Pictures a vision model sees with it (base64); only the message being answered carries them. */
	readonly images?: readonly string[];
}
