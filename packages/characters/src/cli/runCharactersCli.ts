import { parseArgs } from 'node:util';
import type { CliOutput } from './CliOutput.js';
import { importCommand } from './importCommand.js';
import { lintCommand } from './lintCommand.js';
import { previewCommand } from './previewCommand.js';

/** The CLI's help text. */
export const charactersUsage = `Usage: npm run characters -- <command> [options]

Commands:
  lint [dir]                          Validate every persona file (default: CHARACTERS_DIR, i.e. characters/).
                                      Prints each problem and a summary; exits 1 on any problem.
  preview <id> "<message>"            Print the prompt messages the character would get for a message.
      --user <name>                   Display name of the member writing (default: Member)
      --context <tokens>              Model context window (default: 4096)
      --max-reply-chars <n>           Reply length asked for (default: 1200)
      --history "<Name>: <text>"      An earlier channel message; repeat for more, oldest first
      --fact "<text>"                 A remembered fact about the member; repeatable
      --dir <dir>                     Persona folder
  import <card.json|card.png>         Write a persona file from a Character Card (V1, V2 or V3).
      --out <dir>                     Folder to write to (default: CHARACTERS_DIR)
      --id <slug>                     Character id (default: from the card's name)
      --force                         Overwrite an existing file
  --help                              Show this help.
`;

/** Runs the `characters` CLI and returns its exit code: 0 done, 1 problems found, 2 wrong usage. */
export async function runCharactersCli(argv: readonly string[], output: CliOutput): Promise<number> {
	let parsed: ReturnType<typeof parse>;
	try {
		parsed = parse(argv);
	} catch (error) {
		output.err(`${(error as Error).message}\n\n${charactersUsage}`);
		return 2;
	}
	const { values, positionals } = parsed;
	const [command, ...rest] = positionals;
	if (values.help === true || command === 'help') {
		output.out(charactersUsage);
		return 0;
	}
	switch (command) {
		case 'lint':
			return lintCommand(rest, output);
		case 'preview':
			return previewCommand(rest, { ...values, maxReplyChars: values['max-reply-chars'] }, output);
		case 'import':
			return importCommand(rest, values, output);
		default:
			output.err(`${command === undefined ? 'No command given.' : `Unknown command "${command}".`}\n\n${charactersUsage}`);
			return 2;
	}
}

function parse(argv: readonly string[]) {
	return parseArgs({
		args: [...argv],
		allowPositionals: true,
		options: {
			help: { type: 'boolean', short: 'h' },
			user: { type: 'string' },
			context: { type: 'string' },
			'max-reply-chars': { type: 'string' },
			history: { type: 'string', multiple: true },
			fact: { type: 'string', multiple: true },
			dir: { type: 'string' },
			out: { type: 'string' },
			id: { type: 'string' },
			force: { type: 'boolean' },
		},
	});
}
