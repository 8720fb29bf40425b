import type { Finding } from './Finding.js';
import { escapeRegExp } from '@charbot/characters';
import type { ScoreInput } from './ScoreInput.js';

/** Labels of a chat transcript that a model may continue with. */
const genericSpeakers = ['User', 'Human', 'Assistant', 'AI', 'System', 'Narrator'];

/**
 * Lines that start with a speaker label: another character's or member's name and a colon means the reply
 * writes lines for others; its own name and a colon means it formats itself as a script.
 */
export function findSpeakerLabels(input: ScoreInput): Finding[] {
	const own = namesOf(input.character.displayName, input.character.aliases);
	const ownKeys = new Set(own.map((name) => name.toLocaleLowerCase()));
	const others = [...new Set([...input.otherSpeakers.flatMap((name) => namesOf(name, [])), ...genericSpeakers])].filter(
		(name) => !ownKeys.has(name.toLocaleLowerCase()),
	);
	const ownLabel = labelPattern(own);
	const otherLabel = labelPattern(others);
	const ownHits: string[] = [];
	const otherHits: string[] = [];
	for (const rawLine of input.reply.split(/\r?\n/u)) {
		// Markdown around a label ("**Stewie:**", "> Meg:") is still a label.
		const line = rawLine.replace(/^[\s>*_~-]+/u, '');
		const other = otherLabel?.exec(line);
		if (other?.[1] !== undefined) otherHits.push(`${other[1]}:`);
		else {
			const self = ownLabel?.exec(line);
			if (self?.[1] !== undefined) ownHits.push(`${self[1]}:`);
		}
	}
	const findings: Finding[] = [];
	if (otherHits.length > 0) {
		const quoted = [...new Set(otherHits)].slice(0, 3).map((label) => `"${label}"`);
		findings.push({ kind: 'speaker-label', reason: `Reply writes lines for others (${quoted.join(', ')})`, penalty: 0.6, hard: false });
	}
	if (ownHits.length > 0) {
		findings.push({ kind: 'speaker-label', reason: `Reply labels its own lines with a speaker name ("${ownHits[0]}")`, penalty: 0.3, hard: false });
	}
	return findings;
}

/** A full name, its aliases and its first word ("Stewie Griffin" → "Stewie"). */
function namesOf(displayName: string, aliases: readonly string[]): string[] {
	const first = displayName.trim().split(/\s+/u)[0] ?? '';
	return [displayName, ...aliases, ...(first.length >= 3 ? [first] : [])].map((name) => name.trim()).filter((name) => name.length > 0);
}

function labelPattern(names: readonly string[]): RegExp | undefined {
	if (names.length === 0) return undefined;
	const alternatives = [...names].sort((a, b) => b.length - a.length).map((name) => escapeRegExp(name).replace(/\s+/gu, '\\s+'));
	// The colon must end the label, so "Peter://" or "10:30" never count.
	return new RegExp(`^(${alternatives.join('|')})\\s*[*_]*\\s*:(?!//)`, 'iu');
}
