import { type ChatInputCommandInteraction, DiscordAPIError, type InteractionEditReplyOptions, MessageFlags, RESTJSONErrorCodes } from 'discord.js';
import type { CommandResult } from '../commands/CommandResult.js';
import { fitMessageContent } from './fitMessageContent.js';

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
	const options: InteractionEditReplyOptions = { content: fitMessageContent(result.content), allowedMentions: noPings };
	if (result.embeds !== undefined) options.embeds = [...result.embeds];
	await interaction.editReply(options);
}

/** Tells the member alone, whatever state the interaction is in (not yet answered, deferred privately or publicly). */
export async function tellPrivately(interaction: ChatInputCommandInteraction, ephemeral: boolean, text: string): Promise<void> {
	const content = fitMessageContent(text);
	if (!interaction.deferred && !interaction.replied) {
		await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: noPings });
		return;
	}
	if (ephemeral) {
		await interaction.editReply({ content, embeds: [], allowedMentions: noPings });
		return;
	}
	// The placeholder may already be gone: a first attempt deleted it and then failed to follow up.
	await interaction.deleteReply().catch((error: unknown) => {
		if (!(error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownMessage)) throw error;
	});
	await interaction.followUp({ content, flags: MessageFlags.Ephemeral, allowedMentions: noPings });
}
