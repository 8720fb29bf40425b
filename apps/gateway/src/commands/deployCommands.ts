// Process entry of `npm run commands:deploy`: registers the slash commands globally or in one guild.
import { createLogger, describeFailure, loadServiceConfig, registerSecret } from '@charbot/core';
import { REST, Routes } from 'discord.js';
import { z } from 'zod';
import { commandData } from './allCommands.js';
import { checkDeployTarget } from './registration/checkDeployTarget.js';
import { deployUsage, parseDeployArgs } from './registration/parseDeployArgs.js';
import { registerCommands } from './registration/registerCommands.js';

const applicationSchema = z.object({ id: z.string().min(1), name: z.string().optional() });

async function main(): Promise<number> {
	const parsed = parseDeployArgs(process.argv.slice(2));
	if (!parsed.ok) {
		console.error(`commands:deploy: ${parsed.error}`);
		return 2;
	}
	const { args } = parsed;
	if (args.help) {
		process.stdout.write(`${deployUsage}\n`);
		return 0;
	}
	if (args.dryRun) {
		process.stdout.write(`${JSON.stringify(commandData(), null, 2)}\n`);
		return 0;
	}
	const config = loadServiceConfig();
	const target = checkDeployTarget(config);
	registerSecret(target.token);
	const logger = createLogger({ name: 'commands', level: config.LOG_LEVEL, format: config.LOG_FORMAT });
	if (target.emulated) logger.warn({ apiUrl: target.apiUrl }, `DISCORD IS EMULATED: registering with the Discord emulator at ${target.apiUrl}, not Discord`);
	const rest = new REST(target.apiUrl === undefined ? {} : { api: target.apiUrl }).setToken(target.token);
	const application = applicationSchema.parse(await rest.get(Routes.currentApplication()));
	const result = await registerCommands(rest, { applicationId: application.id, guildId: args.guildId }, commandData(), { force: args.force });
	const where = args.guildId === undefined ? 'globally' : `in guild ${args.guildId}`;
	logger.info(
		{ applicationId: application.id, ...result },
		result.changed ? `registered ${result.count} slash commands ${where}` : `the ${result.count} slash commands ${where} were already up to date`,
	);
	return 0;
}

main().then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		console.error(`commands:deploy failed: ${describeFailure(error)}`);
		process.exitCode = 1;
	},
);
