import { truncateText } from '@charbot/core';
import { type ChatInputCommandInteraction, GuildMember } from 'discord.js';

/** The name a member shows under here: server nickname, else global name, else username (at most 100 characters). */
export function displayNameOf(interaction: ChatInputCommandInteraction): string {
	const member = interaction.member;
	const nickname = member instanceof GuildMember ? member.nickname : (member?.nick ?? null);
	return truncateText(nickname ?? interaction.user.globalName ?? interaction.user.username, 100, '') || 'someone';
}
