import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { characterIdSchema } from '@charbot/contracts';
import { CardImportError } from '../cards/CardImportError.js';
import { importCard } from '../cards/importCard.js';
import { loadCharacters } from '../loading/loadCharacters.js';
import { displayPath } from '../persona/displayPath.js';
import { serializePersona } from '../persona/serializePersona.js';
import type { CliOutput } from './CliOutput.js';
import { defaultCharactersDir } from './defaultCharactersDir.js';

/** Options of the `import` command, as parsed from the command line. */
export interface ImportOptions {
	readonly out?: string | undefined;
	readonly id?: string | undefined;
	readonly force?: boolean | undefined;
}

/** `import <card.json|card.png>`: writes a persona file from a Character Card; never overwrites without `--force`. */
export async function importCommand(positionals: readonly string[], options: ImportOptions, output: CliOutput): Promise<number> {
	const source = positionals[0];
	if (source === undefined) {
		output.err('import needs a card file, e.g.: npm run characters -- import ~/Downloads/card.png');
		return 2;
	}
	if (options.id !== undefined && !characterIdSchema.safeParse(options.id).success) {
		output.err(`--id must be a lowercase slug (a-z, 0-9 and -), got "${options.id}"`);
		return 2;
	}
	let bytes: Buffer;
	try {
		bytes = await readFile(resolve(source));
	} catch (error) {
		output.err(`${source}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
		return 1;
	}
	let imported: ReturnType<typeof importCard>;
	try {
		imported = importCard(bytes, { source, ...(options.id === undefined ? {} : { id: options.id }) });
	} catch (error) {
		if (!(error instanceof CardImportError)) throw error;
		output.err(error.message);
		return 1;
	}
	const { persona } = imported;
	const outDir = options.out === undefined ? defaultCharactersDir() : resolve(options.out);
	const file = join(outDir, `${persona.id}.yaml`);
	if (existsSync(file) && options.force !== true) {
		output.err(`${displayPath(file)} already exists; pass --force to overwrite it or --id to choose another id`);
		return 1;
	}
	const existing = existsSync(outDir) ? await loadCharacters(outDir) : undefined;
	const owner = existing?.characters.find((entry) => entry.persona.id === persona.id && entry.file !== file);
	if (owner !== undefined) {
		output.err(`The id "${persona.id}" is already used by ${displayPath(owner.file)}; pass --id to choose another`);
		return 1;
	}
	const kind = `Character Card V${imported.version} (${imported.container.toUpperCase()})`;
	await mkdir(outDir, { recursive: true });
	await writeFile(file, serializePersona(persona, { comment: `Imported from ${basename(source)}, a ${kind}.\nFormat: characters/README.md` }));
	output.out(`Imported "${persona.displayName}" from a ${kind} as ${displayPath(file)}`);
	if (persona.aliases.length === 0) output.out(`Tip: add aliases (short names such as a first name) so members can call ${persona.displayName} by name.`);
	if (persona.avatarUrl === undefined) output.out('Tip: set avatarUrl to an https image URL; the card image itself is not uploaded anywhere.');
	return 0;
}
