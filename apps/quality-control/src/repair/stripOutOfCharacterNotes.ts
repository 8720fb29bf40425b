import { isOutOfCharacter, segmentsOf } from '../scoring/findOutOfCharacterNotes.js';

/** A separator line a model puts before its notes. */
const separator = /^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/u;

/**
 * Removes notes about the reply: asides in brackets anywhere, and note sentences at the start or the end (with a
 * separator line before them). A note sentence between two spoken ones stays, so the reply still fails.
 */
export function stripOutOfCharacterNotes(text: string, ownNames: readonly string[]): string {
	const segments = segmentsOf(text);
	const removable = (index: number): boolean => {
		const segment = segments[index];
		if (segment === undefined) return false;
		return separator.test(segment.text) || isOutOfCharacter(segment.text, ownNames);
	};
	const drop = new Set<number>();
	for (const [index, segment] of segments.entries()) if (/^\s*[([]/u.test(segment.text) && isOutOfCharacter(segment.text, ownNames)) drop.add(index);
	for (let index = 0; index < segments.length && (removable(index) || drop.has(index)); index += 1) drop.add(index);
	for (let index = segments.length - 1; index >= 0 && (removable(index) || drop.has(index)); index -= 1) drop.add(index);
	if (drop.size === 0) return text;
	let kept = '';
	let cursor = 0;
	for (const [index, segment] of segments.entries()) {
		if (!drop.has(index)) continue;
		kept += text.slice(cursor, segment.start);
		cursor = segment.end;
	}
	return kept + text.slice(cursor);
}
