import type { Persona } from '@charbot/characters';
import type { ReplyScore } from '../scoring/ReplyScore.js';
import { scoreReply } from '../scoring/scoreReply.js';
import { parseJsonLines } from './parseJsonLines.js';
import { scoreInputOfLine } from './scoreLine.js';
import { scoreLineSchema } from './scoreLineSchema.js';

/** The outcome of one input line: its score, or why the line is bad. */
export type ScoredLine =
	| { readonly line: number; readonly ok: true; readonly result: Pick<ReplyScore, 'score' | 'verdict' | 'reasons'> }
	| { readonly line: number; readonly ok: false; readonly error: string };

/** Scores each JSONL line with the given cast and default channel settings; a bad line is reported, the others go on. */
export function scoreLines(text: string, cast: readonly Persona[]): ScoredLine[] {
	return parseJsonLines(text, scoreLineSchema).map((parsed): ScoredLine => {
		if (!parsed.ok) return parsed;
		const input = scoreInputOfLine(parsed.value, cast);
		if (typeof input === 'string') return { line: parsed.line, ok: false, error: input };
		const { score, verdict, reasons } = scoreReply(input);
		return { line: parsed.line, ok: true, result: { score, verdict, reasons } };
	});
}
