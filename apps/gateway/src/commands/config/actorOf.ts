import type { SettingsActor } from '@charbot/stores';
import type { ChatInputCommandInteraction } from 'discord.js';

/** Who ran a command, for the settings audit: the member's id and the name shown for them. */
export function actorOf(interaction: ChatInputCommandInteraction): SettingsActor {
	return { id: interaction.user.id, name: interaction.user.globalName ?? interaction.user.username };
}
