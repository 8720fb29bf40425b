import { type CharacterProblem, createCharacterProblem } from '../persona/CharacterProblem.js';
import { displayPath } from '../persona/displayPath.js';
import type { LoadedCharacter } from './LoadedCharacter.js';

/** Which characters survive when several files claim one id, and a problem naming both files for each loser. */
export interface DuplicateResolution {
	readonly characters: LoadedCharacter[];
	readonly problems: CharacterProblem[];
}

/**
 * Keeps one character per id. The file that already held the id (`holders`, from an earlier load) wins, so a
 * new duplicate cannot take a working character over; otherwise the first file in order wins.
 */
export function resolveDuplicateIds(candidates: readonly LoadedCharacter[], holders: ReadonlyMap<string, string> = new Map()): DuplicateResolution {
	const winners = new Map<string, LoadedCharacter>();
	for (const candidate of candidates) {
		const id = candidate.persona.id;
		const current = winners.get(id);
		if (current === undefined || (holders.get(id) === candidate.file && current.file !== candidate.file)) winners.set(id, candidate);
	}
	const problems: CharacterProblem[] = [];
	for (const candidate of candidates) {
		const winner = winners.get(candidate.persona.id);
		if (winner === undefined || winner === candidate) continue;
		problems.push(createCharacterProblem(candidate.file, 'id', `"${candidate.persona.id}" is already used by ${displayPath(winner.file)}; ids must be unique`));
	}
	return { characters: candidates.filter((candidate) => winners.get(candidate.persona.id) === candidate), problems };
}
