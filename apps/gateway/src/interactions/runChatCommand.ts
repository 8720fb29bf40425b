import { type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import { isEphemeral } from '../commands/SlashCommand.js';
import { canManageGuild } from './canManageGuild.js';
import type { InteractionContext } from './InteractionContext.js';
import { InteractionMessages } from './InteractionMessages.js';
import { presentResult, tellPrivately } from './presentResult.js';
import { withSlowNotice } from './withSlowNotice.js';

// Fixed texts ping nobody, whatever they come to say, even on a client without that default.
const noPings = { parse: [] } as const;

/** How a slash command invocation ended, for logs and tests. */
export type CommandOutcome = 'answered' | 'pending' | 'refused' | 'forbidden' | 'unknown' | 'failed';

/**
 * Runs one slash command inside Discord's 3-second window: the permission check and the deferral come first and
 * touch nothing but the interaction (no Redis), so a slow store cannot delay the acknowledgement. Then the work
 * runs, with a "still working" note if it is slow, and its result replaces the deferred reply. A failure is
 * logged and the member gets a short private message, never silence.
 */
export async function runChatCommand(interaction: ChatInputCommandInteraction, context: InteractionContext): Promise<CommandOutcome> {
	const command = context.commands.get(interaction.commandName);
	if (command === undefined) {
		await interaction.reply({ content: InteractionMessages.unknownCommand, flags: MessageFlags.Ephemeral, allowedMentions: noPings });
		return 'unknown';
	}
	const group = interaction.options.getSubcommandGroup(false);
	const subcommand = interaction.options.getSubcommand(false);
	if (command.requiresManageGuild(group, subcommand) && !canManageGuild(interaction)) {
		await tellPrivately(interaction, true, interaction.inGuild() ? InteractionMessages.needsManageServer : InteractionMessages.needsServer);
		return 'forbidden';
	}
	const ephemeral = isEphemeral(command, group, subcommand);
	await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
	try {
		const work = command.execute(interaction, context);
		const result = await withSlowNotice(
			work,
			context.slowWorkMs,
			() => interaction.editReply({ content: InteractionMessages.slow, allowedMentions: noPings }),
			(error) => context.logger.warn({ err: error, interactionId: interaction.id }, 'could not post the "still working" note'),
		);
		await presentResult(interaction, ephemeral, result);
		return result.kind === 'reply' ? 'answered' : result.kind;
	} catch (error) {
		context.logger.error(
			{
				err: error,
				interactionId: interaction.id,
				command: interaction.commandName,
				subcommand,
				guildId: interaction.guildId,
				channelId: interaction.channelId,
			},
			`/${interaction.commandName} failed: ${error instanceof Error ? error.message : String(error)}`,
		);
		await tellPrivately(interaction, ephemeral, InteractionMessages.failed);
		return 'failed';
	}
}
