import type { Persona } from '@charbot/characters';
import type { ChannelMode } from '@charbot/stores';
import { type ChatInputCommandInteraction, escapeMarkdown, InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { characterChoices } from '../characters/characterChoices.js';
import { findCharacter } from '../characters/findCharacter.js';
import type { CommandContext } from '../CommandContext.js';
import { type CommandResult, refuse, reply } from '../CommandResult.js';
import { actorOf } from '../config/actorOf.js';
import type { SlashCommand } from '../SlashCommand.js';
import { changeChannelCharacters } from './changeChannelCharacters.js';
import { postGreeting } from './postGreeting.js';

const modes = {
	off: 'the characters stay silent here',
	'mention-only': 'characters answer when mentioned, replied to or named',
	active: 'characters also chime in on their own, by talkativeness',
} as const satisfies Record<ChannelMode, string>;

/** `/channel characters add|remove <character>` and `/channel mode <mode>`: this channel's cast and behaviour (Manage Server). */
export const channelCommand: SlashCommand = {
	data: new SlashCommandBuilder()
		.setName('channel')
		.setDescription("This channel's characters and behaviour")
		.setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
		.setContexts(InteractionContextType.Guild)
		.addSubcommandGroup((group) =>
			group
				.setName('characters')
				.setDescription('Which characters answer in this channel')
				.addSubcommand((sub) =>
					sub
						.setName('add')
						.setDescription('Let a character answer here')
						.addStringOption((option) => option.setName('character').setDescription('Name or id').setRequired(true).setAutocomplete(true)),
				)
				.addSubcommand((sub) =>
					sub
						.setName('remove')
						.setDescription('Stop a character answering here')
						.addStringOption((option) => option.setName('character').setDescription('Name or id').setRequired(true).setAutocomplete(true)),
				),
		)
		.addSubcommand((sub) =>
			sub
				.setName('mode')
				.setDescription('When characters speak in this channel')
				.addStringOption((option) =>
					option
						.setName('mode')
						.setDescription('off, mention-only or active')
						.setRequired(true)
						.addChoices(...Object.keys(modes).map((mode) => ({ name: mode, value: mode }))),
				),
		)
		.toJSON(),
	ephemeral: true,
	requiresManageGuild: () => true,
	async execute(interaction, context) {
		if (interaction.options.getSubcommand() === 'mode') return setMode(interaction, context);
		return changeCharacters(interaction, context);
	},
	autocomplete: (interaction, context) => characterChoices(context.characters.list(), String(interaction.options.getFocused())),
};

async function setMode(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<CommandResult> {
	const mode = interaction.options.getString('mode', true) as ChannelMode;
	if (!(mode in modes)) return refuse(`"${mode}" is not a mode; use off, mention-only or active.`);
	const result = await context.settings.change(interaction.guildId, { mode }, { actor: actorOf(interaction), channelId: interaction.channelId });
	const before = result.entries.length === 0 ? 'unchanged' : `was ${String(result.entries[0]?.before ?? 'inherited from the server')}`;
	return reply(`This channel's mode is now **${mode}**: ${modes[mode]} (${before}).`);
}

async function changeCharacters(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<CommandResult> {
	const action = interaction.options.getSubcommand() === 'add' ? 'add' : 'remove';
	const query = interaction.options.getString('character', true);
	const everyone = context.characters.list();
	const persona = findCharacter(everyone, query);
	if (persona === undefined) return refuse(`There is no character called "${query}". \`/characters list\` shows everyone.`);
	const name = `**${escapeMarkdown(persona.displayName)}**`;
	const effective = await context.settings.effective(interaction.guildId, interaction.channelId);
	const current = effective.characters;
	const change = changeChannelCharacters(
		current,
		everyone.map((character) => character.id),
		action,
		persona.id,
	);
	if (!change.ok) {
		if (change.reason === 'already') return reply(`${name} already answers in this channel.`);
		if (change.reason === 'absent') return reply(`${name} does not answer in this channel anyway.`);
		return refuse(`${name} is the only character left here; use \`/channel mode off\` to silence this channel instead.`);
	}
	await context.settings.change(interaction.guildId, { characters: change.characters }, { actor: actorOf(interaction), channelId: interaction.channelId });
	const lead = action === 'add' ? `${name} now answers in this channel.` : `${name} no longer answers in this channel.`;
	const note = action === 'add' && current.length === 0 ? ' Before, every character did; now only the listed ones do.' : '';
	// A character joining greets the channel, unless the channel is silenced (it would speak where characters may not).
	const greeted = action === 'add' && effective.mode !== 'off' && (await postGreeting(interaction, context, persona));
	return reply(`${lead}${note}${greeted ? ` ${name} says hello.` : ''} Characters here: ${describeList(change.characters, everyone)}.`);
}

function describeList(ids: readonly string[], everyone: readonly Persona[]): string {
	return ids.map((id) => escapeMarkdown(everyone.find((persona) => persona.id === id)?.displayName ?? id)).join(', ');
}
