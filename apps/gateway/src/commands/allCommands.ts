import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { adminCommand } from './admin/adminCommand.js';
import { askCommand } from './ask/askCommand.js';
import { channelCommand } from './channel/channelCommand.js';
import { charactersCommand } from './characters/charactersCommand.js';
import { configCommand } from './config/configCommand.js';
import { memoryCommand } from './memory/memoryCommand.js';
import { personaCommand } from './persona/personaCommand.js';
import type { SlashCommand } from './SlashCommand.js';
import { statsCommand } from './stats/statsCommand.js';

/** Every slash command of the gateway. */
export const allCommands: readonly SlashCommand[] = [
	charactersCommand,
	channelCommand,
	configCommand,
	askCommand,
	statsCommand,
	memoryCommand,
	personaCommand,
	adminCommand,
];

/** The registration data of every command, for `PUT /applications/{id}/commands`. */
export function commandData(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
	return allCommands.map((command) => command.data);
}
