import type { Persona } from '@charbot/characters';
import { DefaultChannelSettings, type HistoryEntry } from '@charbot/stores';
import { buildScoreInput } from '../scoring/buildScoreInput.js';
import type { ScoreInput } from '../scoring/ScoreInput.js';
import type { ScoreLine } from './scoreLineSchema.js';

/** The score input of one `qc` line: its character from the cast, the default channel settings, its history. */
export function scoreInputOfLine(line: ScoreLine, cast: readonly Persona[]): ScoreInput | string {
	const persona = cast.find((character) => character.id === line.character);
	if (persona === undefined) return `character: no character "${line.character}" (known: ${cast.map((character) => character.id).join(', ')})`;
	return buildScoreInput({ reply: line.reply, persona, cast, settings: DefaultChannelSettings, history: toHistory(line, persona) });
}

function toHistory(line: ScoreLine, persona: Persona): HistoryEntry[] {
	return (line.history ?? []).map((item, index) => {
		const entry = typeof item === 'string' ? { characterId: persona.id, content: item } : item;
		const base = { messageId: `h${index}`, authorId: entry.characterId ?? entry.author ?? 'member', content: entry.content, at: index };
		if (entry.characterId !== undefined)
			return { ...base, characterId: entry.characterId, authorName: entry.characterId === persona.id ? persona.displayName : entry.characterId };
		return { ...base, authorName: ('author' in entry ? entry.author : undefined) ?? 'Member' };
	});
}
