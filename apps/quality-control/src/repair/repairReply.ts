import { castNames } from '../scoring/findAssistantFrame.js';
import type { FindingKind } from '../scoring/Finding.js';
import type { ReplyScore } from '../scoring/ReplyScore.js';
import type { ScoreInput } from '../scoring/ScoreInput.js';
import { scoreReply } from '../scoring/scoreReply.js';
import { namesOf } from '../scoring/text/namesOf.js';
import { normalizeReply } from '../scoring/text/normalizeReply.js';
import { cutTemplateTokens } from './cutTemplateTokens.js';
import { stripAssistantFrame } from './stripAssistantFrame.js';
import { stripMassMentions } from './stripMassMentions.js';
import { stripOutOfCharacterNotes } from './stripOutOfCharacterNotes.js';
import { stripOwnLabel } from './stripOwnLabel.js';

/** Failures that wrap a reply without spoiling it: removed, they leave the character's own words. */
const removableKinds: ReadonlySet<FindingKind> = new Set(['assistant-frame', 'ooc-note', 'template-tokens', 'own-label', 'mass-mention']);

/** A reply whose wrappers were removed, and its new score (which passed). */
export interface RepairedReply {
	readonly text: string;
	readonly result: ReplyScore;
	/** The kinds of failure removed. */
	readonly removed: readonly FindingKind[];
}

/** Fewest words a repaired reply keeps: a frame around nothing is not worth posting. */
const minimumWords = 2;

/**
 * Repair before regenerate: when a failed reply's failures include removable wrappers (an assistant preface, a
 * note or epilogue, template tokens, its own speaker label, a mass ping), removes them and scores what is left.
 * Returns the remainder only when it passes every scorer; anything else (a loop, a refusal, a wrapper in the
 * middle) leaves the reply to be regenerated.
 */
export function repairReply(input: ScoreInput, failed: ReplyScore): RepairedReply | undefined {
	const removed = [...new Set(failed.findings.map((finding) => finding.kind).filter((kind) => removableKinds.has(kind)))];
	if (removed.length === 0) return undefined;
	const own = namesOf(input.character.displayName, input.character.aliases);
	const names = castNames(input);
	let text = normalizeReply(input.reply);
	// One stripper can uncover another's wrapper ("<|im_start|>assistant\nSure! Here's…"), so go round until nothing changes.
	for (let round = 0; round < 4; round += 1) {
		const before = text;
		text = cutTemplateTokens(text);
		text = stripOwnLabel(text, own);
		text = stripAssistantFrame(text, names);
		text = stripOutOfCharacterNotes(text, own);
		text = stripMassMentions(text);
		text = unwrap(text);
		if (text === before) break;
	}
	if ((text.match(/[\p{L}\p{N}]+/gu) ?? []).length < minimumWords) return undefined;
	const result = scoreReply({ ...input, reply: text });
	return result.verdict === 'pass' ? { text, result, removed } : undefined;
}

/** Trims, collapses blank lines, drops stray markdown and takes off quotes that wrap the whole remainder. */
function unwrap(text: string): string {
	// Markdown left without its words (the "*" of a removed "*(note)*") goes too.
	let rest = text
		.replace(/\(\s*\)|\[\s*\]/gu, '')
		.replace(/(?:^|\n)[ \t]*[*_~]{1,3}[ \t]*(?=\n|$)/gu, '')
		.replace(/(?<=\S) {2,}/gu, ' ')
		.replace(/\n{3,}/gu, '\n\n')
		.replace(/^[ \t]+|[ \t]+$/gmu, '')
		.trim();
	const wrapped = /^([*_]*)"([^"]+)"\1$/u.exec(rest);
	if (wrapped?.[2] !== undefined) rest = wrapped[2].trim();
	return rest;
}
