import { type ChatInputCommandInteraction, PermissionFlagsBits } from 'discord.js';

/**
 * Whether the member running a command really has Manage Server here (Administrator counts), read from the
 * permissions Discord computed for this interaction. Outside a server, nobody does.
 */
export function canManageGuild(interaction: ChatInputCommandInteraction): boolean {
	return interaction.inGuild() && interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) === true;
}
