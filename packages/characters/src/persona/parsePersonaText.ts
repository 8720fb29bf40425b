import { parseDocument } from 'yaml';
import { type CharacterProblem, createCharacterProblem } from './CharacterProblem.js';
import { type Persona, personaSchema } from './personaSchema.js';
import { zodIssuesToProblems } from './zodIssuesToProblems.js';

/** A persona, or every problem that kept a file from being one. */
export type PersonaParseResult = { readonly ok: true; readonly persona: Persona } | { readonly ok: false; readonly problems: readonly CharacterProblem[] };

/** Parses and validates the YAML text of one persona file; `file` is only used to name it in problems. */
export function parsePersonaText(text: string, file: string): PersonaParseResult {
	const document = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
	if (document.errors.length > 0) {
		// Pretty errors end their first line with "at line L, column C:" and then quote the source; keep that line.
		const problems = document.errors.map((error) => createCharacterProblem(file, '(yaml)', (error.message.split('\n')[0] ?? error.code).replace(/:$/, '')));
		return { ok: false, problems };
	}
	return validatePersona(document.toJS({ maxAliasCount: 50 }), file);
}

/** Validates an already parsed persona object (from YAML or a converted card). */
export function validatePersona(value: unknown, file: string): PersonaParseResult {
	if (value === null || value === undefined) return { ok: false, problems: [createCharacterProblem(file, '(root)', 'the file is empty')] };
	const result = personaSchema.safeParse(value);
	if (result.success) return { ok: true, persona: result.data };
	return { ok: false, problems: zodIssuesToProblems(result.error.issues, file) };
}
