import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder, userMention } from 'discord.js';
import { reply } from '../CommandResult.js';
import type { SlashCommand } from '../SlashCommand.js';

/** `/admin forget-user <user>`: wipe what the characters remember about a member of this server and their `/persona` (Manage Server). */
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
		const [count, hadPersona] = await Promise.all([
			context.memory.forget(interaction.guildId, target.id),
			context.personas.clear(interaction.guildId, target.id),
		]);
		context.logger.info(
			{ guildId: interaction.guildId, userId: target.id, byUserId: interaction.user.id, count, hadPersona },
			'an admin wiped a member memory',
		);
		const who = userMention(target.id);
		const persona = hadPersona ? ` and the persona ${who} had set` : '';
		if (count === 0) return reply(hadPersona ? `Done: the characters forgot the persona ${who} had set.` : `The characters remembered nothing about ${who}.`);
		return reply(`Done: the characters forgot ${count} ${count === 1 ? 'thing' : 'things'} about ${who}${persona}.`);
	},
};
