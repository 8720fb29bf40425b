import { type ChatInputCommandInteraction, type InteractionEditReplyOptions, MessageFlags } from 'discord.js';
import type { CommandResult } from '../commands/CommandResult.js';

/** No reply of a command pings anyone, whatever it quotes. */
const noPings = { parse: [] } as const;

/**
 * Shows a command's result in place of its deferred reply. A refusal is for the member alone: in a public reply
 * (deferred visibly) the placeholder is deleted and the refusal sent as an ephemeral follow-up.
 */
export async function presentResult(interaction: ChatInputCommandInteraction, ephemeral: boolean, result: CommandResult): Promise<void> {
	if (result.kind === 'pending') return;
	if (result.kind === 'refused') {
		await tellPrivately(interaction, ephemeral, result.content);
		return;
	}
	const options: InteractionEditReplyOptions = { content: result.content, allowedMentions: noPings };
	if (result.embeds !== undefined) options.embeds = [...result.embeds];
	await interaction.editReply(options);
}

/** Tells the member alone, whatever state the interaction is in (not yet answered, deferred privately or publicly). */
export async function tellPrivately(interaction: ChatInputCommandInteraction, ephemeral: boolean, content: string): Promise<void> {
	if (!interaction.deferred && !interaction.replied) {
		await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: noPings });
		return;
	}
	if (ephemeral) {
		await interaction.editReply({ content, embeds: [], allowedMentions: noPings });
		return;
	}
	await interaction.deleteReply();
	await interaction.followUp({ content, flags: MessageFlags.Ephemeral, allowedMentions: noPings });
}
