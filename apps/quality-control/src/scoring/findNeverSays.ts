import type { Finding } from './Finding.js';
import type { ScoreInput } from './ScoreInput.js';
import { phraseRegExp } from './text/phraseRegExp.js';
import { ownWords } from './text/ownWords.js';

/** Phrases the persona never says (`quality.neverSays`), as whole words in any letter case, outside quotes. */
export function findNeverSays(input: ScoreInput): Finding[] {
	// Quoting someone who says it is not saying it.
	const said = ownWords(input.reply);
	const found = input.character.neverSays.filter((phrase) => phrase.trim() !== '' && phraseRegExp(phrase).test(said));
	if (found.length === 0) return [];
	const quoted = found.slice(0, 3).map((phrase) => `"${phrase}"`);
	return [{ kind: 'never-says', reason: `Reply uses words ${input.character.displayName} never says (${quoted.join(', ')})`, penalty: 0.5, hard: false }];
}
