import { createLogger, loadConfigOrExit } from '@charbot/core';
import { launchPlatform } from './launchPlatform.js';

// `npm start`: the whole platform on one machine, supervised; Ctrl-C stops everything.
const config = loadConfigOrExit();
const logger = createLogger({ name: 'launcher', level: config.LOG_LEVEL, format: config.LOG_FORMAT });
const print = (line: string) => process.stdout.write(`${line}\n`);

let platform: Awaited<ReturnType<typeof launchPlatform>>;
try {
	platform = await launchPlatform({ config, logger, env: process.env, print });
} catch (error) {
	console.error(`charbot could not start: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		if (stopping) {
			print('Stopping now.');
			process.exit(130);
		}
		stopping = true;
		print(`${signal}: stopping charbot (Ctrl-C again to force)…`);
		platform.stop().then(
			() => process.exit(0),
			(error: unknown) => {
				console.error(error);
				process.exit(1);
			},
		);
	});
}
