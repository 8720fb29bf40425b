import type {
	ApplicationCommandOptionChoiceData,
	AutocompleteInteraction,
	ChatInputCommandInteraction,
	RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { CommandContext } from './CommandContext.js';
import type { CommandResult } from './CommandResult.js';

/** One slash command: its registration data, who may run it, and what it does. */
export interface SlashCommand {
	/** Built with discord.js's `SlashCommandBuilder`. */
	readonly data: RESTPostAPIChatInputApplicationCommandsJSONBody;
	/** Whether the deferred reply (and so the answer) is visible to the member alone; per subcommand when a function. */
	readonly ephemeral: boolean | ((subcommandGroup: string | null, subcommand: string | null) => boolean);
	/** Whether this subcommand changes settings or memory of others, so it needs Manage Server, checked on every invocation. */
	requiresManageGuild(subcommandGroup: string | null, subcommand: string | null): boolean;
	/** Does the work, after the runner deferred the reply. */
	execute(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<CommandResult>;
	/** Choices for the focused option, from in-memory data only. */
	autocomplete?(interaction: AutocompleteInteraction, context: CommandContext): ApplicationCommandOptionChoiceData[];
}

/** Whether a command's answer to this subcommand is for the member alone. */
export function isEphemeral(command: SlashCommand, subcommandGroup: string | null, subcommand: string | null): boolean {
	return typeof command.ephemeral === 'function' ? command.ephemeral(subcommandGroup, subcommand) : command.ephemeral;
}
