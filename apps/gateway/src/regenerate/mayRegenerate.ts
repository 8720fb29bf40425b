import type { RegenerableReply } from '@charbot/stores';
import { type ButtonInteraction, PermissionFlagsBits } from 'discord.js';

/**
 * Whether the member who clicked may regenerate the reply: the member whose message it answered, or anyone with
 * Manage Messages in the channel, read from the permissions Discord computed for this interaction on every click.
 */
export function mayRegenerate(interaction: ButtonInteraction, reply: RegenerableReply): boolean {
	if (askerOf(reply)?.id === interaction.user.id) return true;
	return interaction.inGuild() && interaction.memberPermissions?.has(PermissionFlagsBits.ManageMessages) === true;
}

/** The member whose message the reply answered; none when a character's post was answered (banter). */
export function askerOf(reply: RegenerableReply): { readonly id: string; readonly displayName: string } | undefined {
	const { author } = reply.message;
	return author.isBot || author.characterId !== undefined ? undefined : author;
}
