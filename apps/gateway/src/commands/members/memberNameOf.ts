import type { ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext } from '../CommandContext.js';
import { displayNameOf } from './displayNameOf.js';

/** What the characters call the member running a command: their `/persona` name here, else their display name. */
export async function memberNameOf(interaction: ChatInputCommandInteraction, context: Pick<CommandContext, 'personas'>): Promise<string> {
	const persona = await context.personas.get(interaction.guildId, interaction.user.id);
	return persona?.name ?? displayNameOf(interaction);
}
