import { readFile } from 'node:fs/promises';
import { createCharacterProblem } from '../persona/CharacterProblem.js';
import { type PersonaParseResult, parsePersonaText } from '../persona/parsePersonaText.js';

/** Reads and validates one persona file; a file that cannot be read is a problem, not an exception. */
export async function loadCharacterFile(file: string): Promise<PersonaParseResult> {
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (error) {
		return { ok: false, problems: [createCharacterProblem(file, '(file)', `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`)] };
	}
	return parsePersonaText(text, file);
}
