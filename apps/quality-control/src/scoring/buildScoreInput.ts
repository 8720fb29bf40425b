import type { ChannelSettings, HistoryEntry } from '@charbot/conversation';
import type { Persona } from '@charbot/characters';
import { DefaultScoringOptions, type ScoreInput, type ScoringOptions } from './ScoreInput.js';

/** What {@link buildScoreInput} assembles a score input from. */
export interface ScoreContext {
	readonly reply: string;
	readonly persona: Persona;
	/** Every character (the persona itself may be among them). */
	readonly cast: readonly Pick<Persona, 'id' | 'displayName' | 'aliases'>[];
	readonly settings: ChannelSettings;
	/** The channel's recent messages, oldest first. */
	readonly history: readonly HistoryEntry[];
	/** Names of the member being answered. */
	readonly memberNames?: readonly string[];
	readonly options?: Partial<ScoringOptions>;
}

/** Gathers the scorers' input: the other speakers' names, the character's latest replies and the options. */
export function buildScoreInput(context: ScoreContext): ScoreInput {
	const { persona } = context;
	const otherCharacters = context.cast.filter((character) => character.id !== persona.id).flatMap((character) => [character.displayName, ...character.aliases]);
	const members = context.history.filter((entry) => entry.characterId === undefined).map((entry) => entry.authorName);
	const options = { ...DefaultScoringOptions, ...context.options };
	return {
		reply: context.reply,
		character: { id: persona.id, displayName: persona.displayName, aliases: persona.aliases, neverSays: persona.quality.neverSays },
		otherSpeakers: [...new Set([...otherCharacters, ...members, ...(context.memberNames ?? [])])],
		recentReplies: context.history
			.filter((entry) => entry.characterId === persona.id)
			.map((entry) => entry.content)
			.slice(-options.repetitionWindow),
		settings: context.settings,
		options,
	};
}
