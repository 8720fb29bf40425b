import type { ChannelSettings } from '@charbot/conversation';

/** Tunables of the rule-based scorers; the channel's own settings come with the input. */
export interface ScoringOptions {
	/** Fewest visible characters a reply needs. */
	readonly minChars: number;
	/** A reply longer than `maxReplyChars` × this is too long (generous: delivery splits long replies). */
	readonly longReplyFactor: number;
	/** Word-trigram Jaccard similarity from which a reply repeats an earlier one. */
	readonly repetitionThreshold: number;
	/** How many of the character's latest replies a reply is compared with. */
	readonly repetitionWindow: number;
	/** Most distinct members one reply may mention. */
	readonly maxUserMentions: number;
	/** Whether replies may contain links. */
	readonly allowLinks: boolean;
}

/** Defaults of {@link ScoringOptions}. */
export const DefaultScoringOptions = {
	minChars: 2,
	longReplyFactor: 2,
	repetitionThreshold: 0.8,
	repetitionWindow: 5,
	maxUserMentions: 3,
	allowLinks: false,
} as const satisfies ScoringOptions;

/** The character a reply is written as, as much as the scorers need. */
export interface ScoredCharacter {
	readonly id: string;
	readonly displayName: string;
	readonly aliases: readonly string[];
	/** Phrases the persona never says (`quality.neverSays`). */
	readonly neverSays: readonly string[];
}

/** Everything the rule-based scorers look at; pure data, so scoring needs no Redis or network. */
export interface ScoreInput {
	readonly reply: string;
	readonly character: ScoredCharacter;
	/** Names of the other characters and of members in the conversation. */
	readonly otherSpeakers: readonly string[];
	/** The character's own latest replies in the channel, oldest first. */
	readonly recentReplies: readonly string[];
	readonly settings: Pick<ChannelSettings, 'maxReplyChars' | 'qualityThreshold' | 'blocklist'>;
	readonly options: ScoringOptions;
}
