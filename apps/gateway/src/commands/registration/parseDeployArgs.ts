import { snowflakeSchema } from '@charbot/contracts';

/** What `npm run commands:deploy` was asked to do. */
export interface DeployArgs {
	/** Register in this guild only (updates at once; for development) instead of globally. */
	readonly guildId?: string;
	/** Overwrite even when Discord already has these commands. */
	readonly force: boolean;
	/** Print the commands' JSON and register nothing. */
	readonly dryRun: boolean;
	readonly help: boolean;
}

/** Usage of `npm run commands:deploy`. */
export const deployUsage = `Registers charbot's slash commands with Discord (or the emulator when DISCORD_API_URL is set).

Usage: npm run commands:deploy -- [--guild <id>] [--force] [--dry-run]

  (no flags)     global commands, for every server the bot is in
  --guild <id>   only this server; changes show at once (use it while developing)
  --force        overwrite even when Discord already has exactly these commands
  --dry-run      print the commands as JSON and register nothing
  --help         this text

Reads DISCORD_TOKEN (and DISCORD_API_URL with ALLOW_SIMULATED_PARTS=true for the emulator) from the environment or .env.`;

/** Reads the script's arguments; a bad one is a sentence naming it. */
export function parseDeployArgs(argv: readonly string[]): { ok: true; args: DeployArgs } | { ok: false; error: string } {
	let guildId: string | undefined;
	let force = false;
	let dryRun = false;
	let help = false;
	for (let index = 0; index < argv.length; index += 1) {
		const arg = argv[index] as string;
		if (arg === '--force') force = true;
		else if (arg === '--dry-run') dryRun = true;
		else if (arg === '--help' || arg === '-h') help = true;
		else if (arg === '--guild' || arg.startsWith('--guild=')) {
			const value = arg === '--guild' ? argv[(index += 1)] : arg.slice('--guild='.length);
			if (value === undefined || !snowflakeSchema.safeParse(value).success)
				return { ok: false, error: `--guild needs a server id (17-20 digits), got ${JSON.stringify(value ?? '')}` };
			guildId = value;
		} else return { ok: false, error: `unknown argument ${JSON.stringify(arg)}; see --help` };
	}
	return { ok: true, args: { ...(guildId === undefined ? {} : { guildId }), force, dryRun, help } };
}
