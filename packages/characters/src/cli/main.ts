// The `characters` command (lint, preview, import); compiled to dist/cli/main.js, so it runs in the image too.
import { runCharactersCli } from './runCharactersCli.js';

try {
	process.exitCode = await runCharactersCli(process.argv.slice(2), {
		out: (line) => process.stdout.write(`${line}\n`),
		err: (line) => process.stderr.write(`${line}\n`),
	});
} catch (error) {
	console.error(error);
	process.exitCode = 1;
}
