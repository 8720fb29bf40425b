import { RegenerateButtonId } from '@charbot/stores';
import type { Interaction } from 'discord.js';
import { regenerateReply } from '../regenerate/regenerateReply.js';
import { answerAutocomplete } from './answerAutocomplete.js';
import type { InteractionContext } from './InteractionContext.js';
import { InteractionMessages } from './InteractionMessages.js';
import { tellPrivately } from './presentResult.js';
import { runChatCommand } from './runChatCommand.js';

/**
 * The `interactionCreate` handler: slash commands, their autocompletes, and the regenerate button on replies. Every interaction is handled inside a
 * catch, logged with its ids (never its token), and tracked so shutdown waits for it.
 */
export class InteractionIntake {
	public constructor(private readonly context: InteractionContext) {}

	/** Handles one interaction; never rejects. */
	public receive(interaction: Interaction): Promise<void> {
		return this.context.pending.track(this.#handleSafely(interaction));
	}

	async #handleSafely(interaction: Interaction): Promise<void> {
		const started = Date.now();
		const where = { interactionId: interaction.id, guildId: interaction.guildId, channelId: interaction.channelId, userId: interaction.user.id };
		try {
			if (interaction.isAutocomplete()) {
				const offered = await answerAutocomplete(interaction, this.context);
				this.context.logger.debug({ ...where, command: interaction.commandName, offered }, `autocomplete for /${interaction.commandName}`);
			} else if (interaction.isChatInputCommand()) {
				const outcome = await runChatCommand(interaction, this.context);
				const name = [interaction.commandName, interaction.options.getSubcommandGroup(false), interaction.options.getSubcommand(false)]
					.filter(Boolean)
					.join(' ');
				this.context.logger.info({ ...where, command: name, outcome, ms: Date.now() - started }, `/${name}: ${outcome}`);
			} else if (interaction.isButton() && interaction.customId === RegenerateButtonId) {
				const outcome = await regenerateReply(interaction, this.context);
				this.context.logger.info({ ...where, messageId: interaction.message.id, outcome, ms: Date.now() - started }, `regenerate: ${outcome}`);
			} else if (interaction.isMessageComponent()) {
				this.context.logger.warn({ ...where, customId: interaction.customId }, 'a component this bot does not handle was used; ignoring it');
			}
		} catch (error) {
			this.context.logger.error(
				{ ...where, err: error },
				`handling interaction ${interaction.id} failed: ${error instanceof Error ? error.message : String(error)}`,
			);
			if (!interaction.isChatInputCommand()) return;
			await tellPrivately(interaction, true, InteractionMessages.failed).catch((tellError: unknown) =>
				this.context.logger.warn({ ...where, err: tellError }, 'could not tell the member that their command failed'),
			);
		}
	}
}
