import { resolve } from 'node:path';
import { findCastWarnings } from '../loading/findCastWarnings.js';
import { loadCharacters } from '../loading/loadCharacters.js';
import { displayPath } from '../persona/displayPath.js';
import type { CliOutput } from './CliOutput.js';
import { defaultCharactersDir } from './defaultCharactersDir.js';

/** `lint [dir]`: validates every persona file, prints each problem and a summary; 1 when anything is wrong. */
export async function lintCommand(positionals: readonly string[], output: CliOutput): Promise<number> {
	const dir = positionals[0] === undefined ? defaultCharactersDir() : resolve(positionals[0]);
	const result = await loadCharacters(dir);
	for (const entry of result.characters) output.out(`ok    ${entry.persona.id.padEnd(16)} ${entry.persona.displayName} (${displayPath(entry.file)})`);
	for (const warning of findCastWarnings(result.characters)) output.err(`warn  ${warning}`);
	for (const problem of result.problems) output.err(`error ${problem.message}`);
	const emptyFolder = result.files.length === 0 && result.problems.length === 0;
	if (emptyFolder) output.err(`error ${displayPath(dir)}: no persona files (*.yaml, *.yml) found`);
	const brokenFiles = new Set(result.problems.map((problem) => problem.file)).size;
	const problemCount = result.problems.length + (emptyFolder ? 1 : 0);
	output.out(
		`\n${result.characters.length} ${plural(result.characters.length, 'character')} OK in ${displayPath(dir)}; ` +
			`${problemCount} ${plural(problemCount, 'problem')}${brokenFiles > 0 ? ` in ${brokenFiles} ${plural(brokenFiles, 'file')}` : ''}.`,
	);
	return problemCount === 0 ? 0 : 1;
}

function plural(count: number, word: string): string {
	return count === 1 ? word : `${word}s`;
}
