import { formatZodIssues } from '@charbot/core';
import { MemberPersonaLimits, type MemberPersona, memberPersonaInputSchema } from '@charbot/stores';
import { escapeMarkdown, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { refuse, reply } from '../CommandResult.js';
import type { SlashCommand } from '../SlashCommand.js';

/**
 * `/persona set|show|clear`: the name and description a member gives themselves here. The characters call them by
 * that name (`{{user}}` in persona text) and read the description as who they are; answers are for the member alone.
 */
export const personaCommand: SlashCommand = {
	data: new SlashCommandBuilder()
		.setName('persona')
		.setDescription('Who you are to the characters here')
		.setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
		.addSubcommand((sub) =>
			sub
				.setName('set')
				.setDescription('Set the name the characters call you and how they see you')
				.addStringOption((option) =>
					option.setName('name').setDescription('The name the characters call you').setRequired(true).setMaxLength(MemberPersonaLimits.name),
				)
				.addStringOption((option) =>
					option.setName('description').setDescription('Who you are, in a few sentences (optional)').setMaxLength(MemberPersonaLimits.description),
				),
		)
		.addSubcommand((sub) => sub.setName('show').setDescription('What the characters know you as here'))
		.addSubcommand((sub) => sub.setName('clear').setDescription('Go back to your Discord name'))
		.toJSON(),
	ephemeral: true,
	requiresManageGuild: () => false,
	async execute(interaction, context) {
		const { guildId, user } = interaction;
		const subcommand = interaction.options.getSubcommand();
		if (subcommand === 'clear') {
			const had = await context.personas.clear(guildId, user.id);
			return reply(had ? 'Done: the characters know you by your Discord name again.' : 'You had no persona here; nothing to clear.');
		}
		if (subcommand === 'show') {
			const persona = await context.personas.get(guildId, user.id);
			if (persona === undefined) return reply('You have no persona here: the characters call you by your Discord name. `/persona set` gives them another.');
			return reply(describe(persona, 'The characters know you here as'));
		}
		const input = memberPersonaInputSchema.safeParse({
			name: interaction.options.getString('name', true),
			description: interaction.options.getString('description') ?? undefined,
		});
		if (!input.success) return refuse(`Nothing was changed: ${formatZodIssues(input.error)}.`);
		const stored = await context.personas.set(guildId, user.id, input.data);
		context.logger.info({ guildId, userId: user.id, described: stored.description !== undefined }, 'a member set their persona');
		return reply(describe(stored, 'Done: the characters now know you here as'));
	},
};

function describe(persona: MemberPersona, lead: string): string {
	const about = persona.description === undefined ? '' : `\n> ${escapeMarkdown(persona.description).replace(/\n/gu, '\n> ')}`;
	return `${lead} **${escapeMarkdown(persona.name)}**.${about}\n\`/persona clear\` goes back to your Discord name.`;
}
