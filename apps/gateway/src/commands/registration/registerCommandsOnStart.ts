import type { Logger } from '@charbot/core';
import type { Client } from 'discord.js';
import { commandData } from '../allCommands.js';
import { registerCommands } from './registerCommands.js';

/** Whether the gateway registers the slash commands itself: `auto` does with the emulator (so `npm start` has them), not with Discord. */
export type CommandRegistrationMode = 'auto' | 'global' | 'off';

/**
 * Registers the global slash commands after login when `mode` says so: a `GET`, and a bulk overwrite only when
 * something differs, so every start may do it. A failure is logged; the gateway keeps running with what Discord has.
 */
export async function registerCommandsOnStart(client: Client<true>, mode: CommandRegistrationMode, emulated: boolean, logger: Logger): Promise<void> {
	if (mode === 'off' || (mode === 'auto' && !emulated)) {
		logger.info({ registerCommands: mode }, 'slash commands are not registered on start; run `npm run commands:deploy` after changing them');
		return;
	}
	try {
		const result = await registerCommands(client.rest, { applicationId: client.application.id }, commandData());
		logger.info(result, result.changed ? `registered ${result.count} global slash commands` : `the ${result.count} global slash commands are up to date`);
	} catch (error) {
		logger.warn(
			{ err: error },
			`could not register the slash commands; Discord keeps the ones it had: ${error instanceof Error ? error.message : String(error)}`,
		);
	}
}
