import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadCharacters, type Persona } from '@charbot/characters';
import { loadServiceConfig, resolveFromRoot } from '@charbot/core';
import { evaluateCorpus } from '../evaluation/evaluateCorpus.js';
import { formatEvalReport } from '../evaluation/formatEvalReport.js';
import { cliHelp } from './cliHelp.js';
import { parseJsonLines } from './parseJsonLines.js';
import { corpusLineSchema } from './scoreLineSchema.js';
import { scoreLines } from './scoreLines.js';

/** The labeled corpus `eval` reads when given no file. */
const shippedCorpus = ['apps/quality-control/corpus/dev.jsonl', 'apps/quality-control/corpus/heldout.jsonl'];

type Command =
	| { readonly name: 'help' }
	| { readonly name: 'score'; readonly file: string; readonly characters: string | undefined }
	| { readonly name: 'eval'; readonly files: readonly string[]; readonly characters: string | undefined; readonly json: boolean; readonly repairs: boolean };

async function main(argv: readonly string[]): Promise<number> {
	let command: Command;
	try {
		command = parseCommand(argv);
	} catch (error) {
		console.error(`qc: ${(error as Error).message}\n\n${cliHelp}`);
		return 2;
	}
	if (command.name === 'help') {
		process.stdout.write(cliHelp);
		return 0;
	}
	const cast = await loadCast(command.characters);
	if (cast === undefined) return 1;
	return command.name === 'score' ? score(command.file, cast) : evaluate(command, cast);
}

async function loadCast(dirOption: string | undefined): Promise<Persona[] | undefined> {
	const dir = dirOption ?? resolveFromRoot(loadServiceConfig().CHARACTERS_DIR);
	const loaded = await loadCharacters(dir);
	for (const problem of loaded.problems) console.error(`qc: persona problem: ${problem.message}`);
	if (loaded.characters.length === 0) {
		console.error(`qc: no characters could be loaded from ${dir}`);
		return undefined;
	}
	return loaded.characters.map((entry) => entry.persona);
}

async function readText(file: string): Promise<string | undefined> {
	try {
		return await readFile(file, 'utf8');
	} catch (error) {
		console.error(`qc: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
		return undefined;
	}
}

async function score(file: string, cast: readonly Persona[]): Promise<number> {
	const text = await readText(file);
	if (text === undefined) return 1;
	let bad = 0;
	for (const outcome of scoreLines(text, cast)) {
		if (outcome.ok) process.stdout.write(`${JSON.stringify({ line: outcome.line, ...outcome.result })}\n`);
		else {
			bad += 1;
			console.error(`line ${outcome.line}: ${outcome.error}`);
		}
	}
	return bad === 0 ? 0 : 1;
}

async function evaluate(command: Extract<Command, { name: 'eval' }>, cast: readonly Persona[]): Promise<number> {
	let bad = 0;
	for (const file of command.files) {
		const text = await readText(file);
		if (text === undefined) return 1;
		const parsed = parseJsonLines(text, corpusLineSchema);
		const lines = parsed.flatMap((outcome) => (outcome.ok ? [{ line: outcome.line, value: outcome.value }] : []));
		const { report, errors } = evaluateCorpus(lines, cast);
		for (const outcome of parsed) if (!outcome.ok) errors.unshift(`line ${outcome.line}: ${outcome.error}`);
		for (const error of errors) console.error(`${file}: ${error}`);
		bad += errors.length;
		process.stdout.write(command.json ? `${JSON.stringify({ file, ...report })}\n` : `${formatEvalReport(file, report, { showRepairs: command.repairs })}\n`);
	}
	return bad === 0 ? 0 : 1;
}

function parseCommand(argv: readonly string[]): Command {
	const { values, positionals } = parseArgs({
		args: [...argv],
		allowPositionals: true,
		options: {
			help: { type: 'boolean', short: 'h' },
			characters: { type: 'string' },
			json: { type: 'boolean' },
			repairs: { type: 'boolean' },
		},
	});
	if (values.help === true) return { name: 'help' };
	const [name, ...files] = positionals;
	if (name === 'eval') {
		return {
			name,
			files: files.length > 0 ? files : shippedCorpus.map((file) => resolveFromRoot(file)),
			characters: values.characters,
			json: values.json === true,
			repairs: values.repairs === true,
		};
	}
	if (name !== 'score') throw new Error(name === undefined ? 'missing command ("score" or "eval")' : `unknown command "${name}" ("score" or "eval")`);
	const [file, ...extra] = files;
	if (file === undefined) throw new Error('score needs a JSONL file: npm run qc -- score <file.jsonl>');
	if (extra.length > 0) throw new Error(`unexpected arguments: ${extra.join(' ')}`);
	return { name, file, characters: values.characters };
}

// A reader that stops early (`| head`) is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
	throw error;
});
process.exitCode = await main(process.argv.slice(2));
