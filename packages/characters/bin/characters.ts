import { runCharactersCli } from '../src/cli/runCharactersCli.js';

try {
	process.exitCode = await runCharactersCli(process.argv.slice(2), {
		out: (line) => process.stdout.write(`${line}\n`),
		err: (line) => process.stderr.write(`${line}\n`),
	});
} catch (error) {
	console.error(error);
	process.exitCode = 1;
}
