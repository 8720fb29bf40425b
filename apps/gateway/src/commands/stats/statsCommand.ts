import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { reply } from '../CommandResult.js';
import type { SlashCommand } from '../SlashCommand.js';
import { formatStats } from './formatStats.js';

/** The window `/stats` reports on. */
const windowHours = 24;

/** `/stats`: per character replies, review pass rate, median latency and cache hit rate over the last 24 hours. */
export const statsCommand: SlashCommand = {
	data: new SlashCommandBuilder()
		.setName('stats')
		.setDescription('How the characters did on this server in the last 24 hours')
		.setContexts(InteractionContextType.Guild)
		.toJSON(),
	ephemeral: true,
	requiresManageGuild: () => false,
	async execute(interaction, context) {
		const stats = await context.stats.summary(interaction.guildId, windowHours);
		return reply(formatStats(stats, context.characters.list(), windowHours));
	},
};
