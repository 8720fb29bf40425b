import type { ChannelSettings, HistoryEntry } from '@charbot/stores';
import type { Persona } from '@charbot/characters';
import { memoizeByContent } from './memo/memoizeByContent.js';
import { memoizeByIdentity } from './memo/memoizeByIdentity.js';
import { promptTextsOf } from './persona/promptTextsOf.js';
import { voiceOf } from './persona/voiceOf.js';
import { DefaultScoringOptions, type OtherVoice, type ScoreInput, type ScoredCharacter, type ScoringOptions } from './ScoreInput.js';
import { namesOf } from './text/namesOf.js';

/** What {@link buildScoreInput} assembles a score input from. */
export interface ScoreContext {
	readonly reply: string;
	readonly persona: Persona;
	/** Every character (the persona itself may be among them). */
	readonly cast: readonly Persona[];
	readonly settings: ChannelSettings;
	/** The channel's recent messages, oldest first. */
	readonly history: readonly HistoryEntry[];
	/** Names of the member being answered. */
	readonly memberNames?: readonly string[];
	readonly options?: Partial<ScoringOptions>;
}

// One object per loaded persona (and per channel reply limit, which its prompt texts name), so the scorers can keep
// what they derive from it (compiled patterns, the prompt's word runs) by identity; a reloaded persona is a new object.
const scoredCharacterOf = memoizeByIdentity((persona: Persona) =>
	memoizeByContent(
		(maxReplyChars: number): ScoredCharacter => ({
			id: persona.id,
			displayName: persona.displayName,
			aliases: persona.aliases,
			neverSays: persona.quality.neverSays,
			voice: voiceOf(persona),
			promptTexts: promptTextsOf(persona, maxReplyChars),
		}),
		8,
	),
);

const otherVoiceOf = memoizeByIdentity((character: Persona): OtherVoice => ({
	displayName: character.displayName,
	names: namesOf(character.displayName, character.aliases),
	voice: voiceOf(character),
}));

/** Gathers the scorers' input: the other speakers' names and voices, the character's latest replies, what its prompt said, and the options. */
export function buildScoreInput(context: ScoreContext): ScoreInput {
	const { persona } = context;
	const others = context.cast.filter((character) => character.id !== persona.id);
	const members = context.history.filter((entry) => entry.characterId === undefined).map((entry) => entry.authorName);
	const options = { ...DefaultScoringOptions, ...context.options };
	return {
		reply: context.reply,
		character: scoredCharacterOf(persona)(context.settings.maxReplyChars),
		otherSpeakers: [...new Set([...others.flatMap((character) => [character.displayName, ...character.aliases]), ...members, ...(context.memberNames ?? [])])],
		otherVoices: others.map(otherVoiceOf),
		recentReplies: context.history
			.filter((entry) => entry.characterId === persona.id)
			.map((entry) => entry.content)
			.slice(-options.repetitionWindow),
		settings: context.settings,
		options,
	};
}
