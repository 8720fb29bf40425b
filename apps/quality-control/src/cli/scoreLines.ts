import type { Persona } from '@charbot/characters';
import { DefaultChannelSettings, type HistoryEntry } from '@charbot/conversation';
import { formatZodIssues } from '@charbot/core';
import { buildScoreInput } from '../scoring/buildScoreInput.js';
import type { ReplyScore } from '../scoring/ReplyScore.js';
import { scoreReply } from '../scoring/scoreReply.js';
import { type ScoreLine, scoreLineSchema } from './scoreLineSchema.js';

/** The outcome of one input line: its score, or why the line is bad. */
export type ScoredLine =
	| { readonly line: number; readonly ok: true; readonly result: Pick<ReplyScore, 'score' | 'verdict' | 'reasons'> }
	| { readonly line: number; readonly ok: false; readonly error: string };

/** Scores each JSONL line with the given cast and default channel settings; a bad line is reported, the others go on. */
export function scoreLines(text: string, cast: readonly Persona[]): ScoredLine[] {
	const outcomes: ScoredLine[] = [];
	for (const [index, raw] of text.split(/\r?\n/u).entries()) {
		if (raw.trim() === '') continue;
		const line = index + 1;
		let json: unknown;
		try {
			json = JSON.parse(raw);
		} catch (error) {
			outcomes.push({ line, ok: false, error: `not valid JSON (${(error as Error).message})` });
			continue;
		}
		const parsed = scoreLineSchema.safeParse(json);
		if (!parsed.success) {
			outcomes.push({ line, ok: false, error: formatZodIssues(parsed.error) });
			continue;
		}
		const persona = cast.find((character) => character.id === parsed.data.character);
		if (persona === undefined) {
			outcomes.push({
				line,
				ok: false,
				error: `character: no character "${parsed.data.character}" (known: ${cast.map((character) => character.id).join(', ')})`,
			});
			continue;
		}
		const { score, verdict, reasons } = scoreReply(
			buildScoreInput({ reply: parsed.data.reply, persona, cast, settings: DefaultChannelSettings, history: toHistory(parsed.data, persona) }),
		);
		outcomes.push({ line, ok: true, result: { score, verdict, reasons } });
	}
	return outcomes;
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
