import type { ChannelSettings } from '@charbot/stores';
import type { PromptEchoSources } from './persona/promptTextsOf.js';

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
	repetitionThreshold: 0.7,
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
	/** Its catchphrases and the phrases its speech style quotes: what its voice sounds like. */
	readonly voice: readonly string[];
	/** What its prompt showed the model, which a reply must never echo. */
	readonly promptTexts: PromptEchoSources;
}

/** Another character of the cast, as the voice check needs it. */
export interface OtherVoice {
	readonly displayName: string;
	readonly names: readonly string[];
	/** Its catchphrases and the phrases its speech style quotes. */
	readonly voice: readonly string[];
}

/** Everything the rule-based scorers look at; pure data, so scoring needs no Redis or network. */
export interface ScoreInput {
	readonly reply: string;
	readonly character: ScoredCharacter;
	/** Names of the other characters and of members in the conversation. */
	readonly otherSpeakers: readonly string[];
	/** The rest of the cast, for the voice check. */
	readonly otherVoices: readonly OtherVoice[];
	/** The character's own latest replies in the channel, oldest first. */
	readonly recentReplies: readonly string[];
	readonly settings: Pick<ChannelSettings, 'maxReplyChars' | 'qualityThreshold' | 'blocklist'>;
	readonly options: ScoringOptions;
}
