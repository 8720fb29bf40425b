import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadCharacters } from '@charbot/characters';
import { loadConfig, resolveFromRoot } from '@charbot/core';
import { cliHelp } from './cliHelp.js';
import { scoreLines } from './scoreLines.js';

async function main(argv: readonly string[]): Promise<number> {
	let parsed: ReturnType<typeof parseCommand>;
	try {
		parsed = parseCommand(argv);
	} catch (error) {
		console.error(`qc: ${(error as Error).message}\n\n${cliHelp}`);
		return 2;
	}
	if (parsed.help) {
		process.stdout.write(cliHelp);
		return 0;
	}
	const dir = parsed.characters ?? resolveFromRoot(loadConfig().CHARACTERS_DIR);
	const loaded = await loadCharacters(dir);
	for (const problem of loaded.problems) console.error(`qc: persona problem: ${problem.message}`);
	if (loaded.characters.length === 0) {
		console.error(`qc: no characters could be loaded from ${dir}`);
		return 1;
	}
	let text: string;
	try {
		text = await readFile(parsed.file, 'utf8');
	} catch (error) {
		console.error(`qc: cannot read ${parsed.file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
		return 1;
	}
	let bad = 0;
	for (const outcome of scoreLines(
		text,
		loaded.characters.map((entry) => entry.persona),
	)) {
		if (outcome.ok) process.stdout.write(`${JSON.stringify({ line: outcome.line, ...outcome.result })}\n`);
		else {
			bad += 1;
			console.error(`line ${outcome.line}: ${outcome.error}`);
		}
	}
	return bad === 0 ? 0 : 1;
}

function parseCommand(argv: readonly string[]): { help: true } | { help: false; file: string; characters: string | undefined } {
	const { values, positionals } = parseArgs({
		args: [...argv],
		allowPositionals: true,
		options: { help: { type: 'boolean', short: 'h' }, characters: { type: 'string' } },
	});
	if (values.help === true) return { help: true };
	const [command, file, ...extra] = positionals;
	if (command !== 'score')
		throw new Error(command === undefined ? 'missing command (only "score" exists)' : `unknown command "${command}" (only "score" exists)`);
	if (file === undefined) throw new Error('score needs a JSONL file: npm run qc -- score <file.jsonl>');
	if (extra.length > 0) throw new Error(`unexpected arguments: ${extra.join(' ')}`);
	return { help: false, file, characters: values.characters };
}

// A reader that stops early (`| head`) is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
	throw error;
});
process.exitCode = await main(process.argv.slice(2));
