import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { memberNameOf } from '../members/memberNameOf.js';
import { refuse, reply } from '../CommandResult.js';
import type { SlashCommand } from '../SlashCommand.js';
import { characterChoices } from './characterChoices.js';
import { describeCharacter } from './describeCharacter.js';
import { findCharacter } from './findCharacter.js';
import { importCharacter } from './importCharacter.js';
import { listCharacters } from './listCharacters.js';

/**
 * `/characters list` and `/characters info <character>`: who can be talked to, and who answers here; `/characters import
 * <card>` (Manage Server) adds a character from a Character Card attachment.
 */
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
		.addSubcommand((sub) =>
			sub
				.setName('import')
				.setDescription('Add a character from a Character Card file, JSON or PNG (Manage Server)')
				.addAttachmentOption((option) => option.setName('card').setDescription('The card: .json or .png, V1, V2 or V3').setRequired(true))
				.addStringOption((option) =>
					option.setName('id').setDescription("The character's id (a-z, 0-9, -); taken from its name when left out").setMaxLength(64),
				),
		)
		.toJSON(),
	ephemeral: (_group, subcommand) => subcommand === 'import',
	requiresManageGuild: (_group, subcommand) => subcommand === 'import',
	async execute(interaction, context) {
		const subcommand = interaction.options.getSubcommand();
		if (subcommand === 'import') return importCharacter(interaction, context);
		const characters = context.characters.list();
		const [settings, userName] = await Promise.all([
			context.settings.effective(interaction.guildId, interaction.channelId),
			memberNameOf(interaction, context),
		]);
		if (subcommand === 'list') return reply(listCharacters(characters, settings, userName));
		const query = interaction.options.getString('character', true);
		const persona = findCharacter(characters, query);
		if (persona === undefined) return refuse(`There is no character called "${query}". \`/characters list\` shows everyone.`);
		const allowedHere = settings.mode !== 'off' && (settings.characters.length === 0 || settings.characters.includes(persona.id));
		return reply('', [describeCharacter(persona, allowedHere, userName)]);
	},
	autocomplete: (interaction, context) => characterChoices(context.characters.list(), String(interaction.options.getFocused())),
};
