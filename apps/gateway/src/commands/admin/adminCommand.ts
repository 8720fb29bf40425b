import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder, userMention } from 'discord.js';
import { reply } from '../CommandResult.js';
import type { SlashCommand } from '../SlashCommand.js';

/** `/admin forget-user <user>`: wipe what the characters remember about a member of this server (Manage Server). */
export const adminCommand: SlashCommand = {
	data: new SlashCommandBuilder()
		.setName('admin')
		.setDescription('Server admin tools for the characters')
		.setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
		.setContexts(InteractionContextType.Guild)
		.addSubcommand((sub) =>
			sub
				.setName('forget-user')
				.setDescription('Make the characters forget everything about a member')
				.addUserOption((option) => option.setName('user').setDescription('The member').setRequired(true)),
		)
		.toJSON(),
	ephemeral: true,
	requiresManageGuild: () => true,
	async execute(interaction, context) {
		const target = interaction.options.getUser('user', true);
		const count = await context.memory.forget(interaction.guildId, target.id);
		context.logger.info({ guildId: interaction.guildId, userId: target.id, byUserId: interaction.user.id, count }, 'an admin wiped a member memory');
		const who = userMention(target.id);
		return reply(
			count === 0
				? `The characters remembered nothing about ${who}.`
				: `Done: the characters forgot ${count} ${count === 1 ? 'thing' : 'things'} about ${who}.`,
		);
	},
};
