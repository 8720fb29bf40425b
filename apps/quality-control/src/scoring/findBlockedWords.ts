import type { Finding } from './Finding.js';
import type { ScoreInput } from './ScoreInput.js';
import { phraseRegExp } from './text/phraseRegExp.js';

/** Words of the guild's blocklist, matched as whole words in any letter case: a hard fail. */
export function findBlockedWords(input: ScoreInput): Finding[] {
	const found = input.settings.blocklist.filter((word) => word.trim() !== '' && phraseRegExp(word).test(input.reply));
	if (found.length === 0) return [];
	// The reason reaches logs and the regeneration prompt, so the word itself is masked.
	const masked = found.slice(0, 3).map((word) => `"${mask(word.trim())}"`);
	return [{ kind: 'blocklist', reason: `Reply uses a word this server blocks (${masked.join(', ')})`, penalty: 1, hard: true }];
}

function mask(word: string): string {
	const chars = Array.from(word);
	return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}
