import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { refuse, reply } from '../CommandResult.js';
import type { SlashCommand } from '../SlashCommand.js';
import { characterChoices } from './characterChoices.js';
import { describeCharacter } from './describeCharacter.js';
import { findCharacter } from './findCharacter.js';
import { listCharacters } from './listCharacters.js';

/** `/characters list` and `/characters info <character>`: who can be talked to, and who answers here. */
export const charactersCommand: SlashCommand = {
	data: new SlashCommandBuilder()
		.setName('characters')
		.setDescription('The characters you can talk to')
		.setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
		.addSubcommand((sub) => sub.setName('list').setDescription('Every character, and which ones answer in this channel'))
		.addSubcommand((sub) =>
			sub
				.setName('info')
				.setDescription('About one character')
				.addStringOption((option) => option.setName('character').setDescription('Name or id').setRequired(true).setAutocomplete(true)),
		)
		.toJSON(),
	ephemeral: false,
	requiresManageGuild: () => false,
	async execute(interaction, context) {
		const characters = context.characters.list();
		const settings = await context.settings.effective(interaction.guildId, interaction.channelId);
		if (interaction.options.getSubcommand() === 'list') return reply(listCharacters(characters, settings));
		const query = interaction.options.getString('character', true);
		const persona = findCharacter(characters, query);
		if (persona === undefined) return refuse(`There is no character called "${query}". \`/characters list\` shows everyone.`);
		const allowedHere = settings.mode !== 'off' && (settings.characters.length === 0 || settings.characters.includes(persona.id));
		return reply('', [describeCharacter(persona, allowedHere)]);
	},
	autocomplete: (interaction, context) => characterChoices(context.characters.list(), String(interaction.options.getFocused())),
};
