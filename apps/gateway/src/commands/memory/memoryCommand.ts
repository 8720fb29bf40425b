import { DiscordLimits, truncateText } from '@charbot/core';
import { escapeMarkdown, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { reply } from '../CommandResult.js';
import type { SlashCommand } from '../SlashCommand.js';

/** `/memory show` and `/memory forget`: what the characters remember about the member running it, here. */
export const memoryCommand: SlashCommand = {
	data: new SlashCommandBuilder()
		.setName('memory')
		.setDescription('What the characters remember about you')
		.setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
		.addSubcommand((sub) => sub.setName('show').setDescription('What the characters remember about you here'))
		.addSubcommand((sub) => sub.setName('forget').setDescription('Make the characters forget everything about you here'))
		.toJSON(),
	ephemeral: true,
	requiresManageGuild: () => false,
	async execute(interaction, context) {
		const { guildId, user } = interaction;
		if (interaction.options.getSubcommand() === 'forget') {
			const count = await context.memory.forget(guildId, user.id);
			return reply(count === 0 ? 'There was nothing to forget.' : `Done: the characters forgot ${count} ${count === 1 ? 'thing' : 'things'} about you.`);
		}
		const [facts, settings] = await Promise.all([context.memory.list(guildId, user.id), context.settings.effective(guildId, interaction.channelId)]);
		const off = settings.memory ? '' : '\n_Memory is turned off here: nothing new is remembered, and nothing is used in replies._';
		if (facts.length === 0) return reply(`The characters remember nothing about you here. Tell one "remember that I …" and it will.${off}`);
		const lines = facts.map((fact, index) => `${index + 1}. ${escapeMarkdown(fact.text)}`);
		return reply(
			truncateText(`**What the characters remember about you here** (\`/memory forget\` clears it):\n${lines.join('\n')}${off}`, DiscordLimits.messageContent),
		);
	},
};
