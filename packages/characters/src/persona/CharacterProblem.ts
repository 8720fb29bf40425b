import { displayPath } from './displayPath.js';

/** One thing wrong with one persona file: which file, which field, and why. */
export interface CharacterProblem {
	/** The file's path as it was read. */
	readonly file: string;
	/** Dotted path of the bad field, `(root)` for the file as a whole, `(yaml)` for a syntax error. */
	readonly field: string;
	readonly reason: string;
	/** `characters/peter.yaml: talkativeness: must be between 0 and 1` */
	readonly message: string;
}

/** Builds a {@link CharacterProblem} whose message names the file, the field and the reason. */
export function createCharacterProblem(file: string, field: string, reason: string): CharacterProblem {
	return { file, field, reason, message: `${displayPath(file)}: ${field}: ${reason}` };
}
