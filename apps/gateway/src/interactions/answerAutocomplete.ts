import { DiscordLimits } from '@charbot/core';
import type { AutocompleteInteraction } from 'discord.js';
import type { InteractionContext } from './InteractionContext.js';

/** Answers an autocomplete from in-memory data only (the character registry, the settings keys), never waiting on Redis. */
export async function answerAutocomplete(interaction: AutocompleteInteraction, context: InteractionContext): Promise<number> {
	const command = context.commands.get(interaction.commandName);
	const choices = command?.autocomplete?.(interaction, context) ?? [];
	await interaction.respond(choices.slice(0, DiscordLimits.autocompleteChoices));
	return choices.length;
}
