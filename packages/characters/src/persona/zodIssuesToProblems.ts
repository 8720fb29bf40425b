import type { z } from 'zod';
import { type CharacterProblem, createCharacterProblem } from './CharacterProblem.js';

/** Turns zod issues into one problem per bad field, with reasons a persona author can act on. */
export function zodIssuesToProblems(issues: readonly z.core.$ZodIssue[], file: string): CharacterProblem[] {
	const problems: CharacterProblem[] = [];
	for (const issue of issues) {
		const path = issue.path.map(String);
		if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) {
				problems.push(createCharacterProblem(file, fieldName([...path, key]), 'is not a known field (see characters/README.md)'));
			}
			continue;
		}
		const reason = issue.code === 'invalid_key' ? issue.issues.map((inner) => inner.message).join('; ') : issue.message;
		problems.push(createCharacterProblem(file, fieldName(path), reason));
	}
	return problems;
}

function fieldName(path: readonly string[]): string {
	return path.length === 0 ? '(root)' : path.join('.');
}
