import { type CharacterProblem, createCharacterProblem } from '../persona/CharacterProblem.js';
import type { LoadedCharacter } from './LoadedCharacter.js';
import { listPersonaFiles } from './listPersonaFiles.js';
import { loadCharacterFile } from './loadCharacterFile.js';
import { resolveDuplicateIds } from './resolveDuplicateIds.js';

/** Every valid character of a folder and every problem found; one broken file never hides the others. */
export interface CharacterLoadResult {
	readonly characters: readonly LoadedCharacter[];
	readonly problems: readonly CharacterProblem[];
	/** The persona files that were read. */
	readonly files: readonly string[];
}

/** Loads every persona file in `dir` (the app passes `resolveFromRoot(config.CHARACTERS_DIR)`). */
export async function loadCharacters(dir: string): Promise<CharacterLoadResult> {
	let files: string[];
	try {
		files = await listPersonaFiles(dir);
	} catch (error) {
		return { characters: [], problems: [createCharacterProblem(dir, '(folder)', describeFolderError(error))], files: [] };
	}
	const candidates: LoadedCharacter[] = [];
	const problems: CharacterProblem[] = [];
	for (const [index, result] of (await Promise.all(files.map((file) => loadCharacterFile(file)))).entries()) {
		const file = files[index] as string;
		if (result.ok) candidates.push({ persona: result.persona, file });
		else problems.push(...result.problems);
	}
	const resolved = resolveDuplicateIds(candidates);
	return { characters: resolved.characters, problems: [...problems, ...resolved.problems], files };
}

/** A readable reason why a persona folder cannot be listed. */
export function describeFolderError(error: unknown): string {
	const code = (error as NodeJS.ErrnoException).code;
	if (code === 'ENOENT') return 'the folder does not exist';
	if (code === 'ENOTDIR') return 'is not a folder';
	return `cannot be read (${code ?? String(error)})`;
}
