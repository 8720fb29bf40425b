import type { Finding } from './Finding.js';
import { phrasePattern } from '@charbot/characters';
import type { ScoreInput } from './ScoreInput.js';

/** Phrases the persona never says (`quality.neverSays`), as whole words in any letter case. */
export function findNeverSays(input: ScoreInput): Finding[] {
	const found = input.character.neverSays.filter((phrase) => phrase.trim() !== '' && new RegExp(phrasePattern(phrase), 'iu').test(input.reply));
	if (found.length === 0) return [];
	const quoted = found.slice(0, 3).map((phrase) => `"${phrase}"`);
	return [{ kind: 'never-says', reason: `Reply uses words ${input.character.displayName} never says (${quoted.join(', ')})`, penalty: 0.5, hard: false }];
}
