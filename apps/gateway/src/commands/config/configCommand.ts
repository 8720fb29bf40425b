import type { ChannelSettingName } from '@charbot/stores';
import { DiscordLimits, truncateText } from '@charbot/core';
import { type ChatInputCommandInteraction, escapeMarkdown, InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { CommandContext } from '../CommandContext.js';
import { type CommandResult, refuse, reply } from '../CommandResult.js';
import type { SlashCommand } from '../SlashCommand.js';
import { actorOf } from './actorOf.js';
import type { ConfigKey } from './ConfigKey.js';
import { configKeys, findConfigKey } from './configKeys.js';
import { formatSettings } from './formatSettings.js';

const scopeChoices = [
	{ name: 'the whole server', value: 'server' },
	{ name: 'this channel', value: 'channel' },
];

/** `/config show`, `/config set <key> <value> [scope]` and `/config reset <scope> [key]` (set and reset need Manage Server). */
export const configCommand: SlashCommand = {
	data: new SlashCommandBuilder()
		.setName('config')
		.setDescription("The characters' settings on this server")
		.setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
		.setContexts(InteractionContextType.Guild)
		.addSubcommand((sub) => sub.setName('show').setDescription('The settings in this channel, where each comes from, and recent changes'))
		.addSubcommand((sub) =>
			sub
				.setName('set')
				.setDescription('Change a setting')
				.addStringOption((option) => option.setName('key').setDescription('Which setting').setRequired(true).setAutocomplete(true))
				.addStringOption((option) => option.setName('value').setDescription('The new value').setRequired(true).setAutocomplete(true).setMaxLength(2000))
				.addStringOption((option) =>
					option
						.setName('scope')
						.setDescription('The whole server (default) or this channel')
						.addChoices(...scopeChoices),
				),
		)
		.addSubcommand((sub) =>
			sub
				.setName('reset')
				.setDescription('Go back to the level above: server settings to defaults, channel settings to the server ones')
				.addStringOption((option) =>
					option
						.setName('scope')
						.setDescription('The whole server or this channel')
						.setRequired(true)
						.addChoices(...scopeChoices),
				)
				.addStringOption((option) => option.setName('key').setDescription('Only this setting (default: all of them)').setAutocomplete(true)),
		)
		.toJSON(),
	ephemeral: true,
	requiresManageGuild: (_group, subcommand) => subcommand !== 'show',
	async execute(interaction, context) {
		const subcommand = interaction.options.getSubcommand();
		if (subcommand === 'set') return setValue(interaction, context);
		if (subcommand === 'reset') return resetValues(interaction, context);
		const [layers, recent, vision] = await Promise.all([
			context.settings.layers(interaction.guildId, interaction.channelId),
			context.audit.recent(interaction.guildId, 8),
			context.vision.read(),
		]);
		return reply(formatSettings(layers, recent, context.characters.list(), vision));
	},
	autocomplete(interaction, context) {
		const focused = interaction.options.getFocused(true);
		const typed = String(focused.value).trim().toLowerCase();
		if (focused.name === 'value') {
			const key = findConfigKey(interaction.options.getString('key') ?? '');
			const values = key?.suggest(context.characters.list()) ?? [];
			return values
				.filter((value) => value.toLowerCase().includes(typed))
				.slice(0, DiscordLimits.autocompleteChoices)
				.map((value) => ({ name: value, value }));
		}
		return (configKeys as readonly ConfigKey[])
			.filter((key) => key.name.includes(typed) || key.description.toLowerCase().includes(typed))
			.slice(0, DiscordLimits.autocompleteChoices)
			.map((key) => ({ name: truncateText(`${key.name} — ${key.description}`, DiscordLimits.choiceName), value: key.name }));
	},
};

async function setValue(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<CommandResult> {
	const typedKey = interaction.options.getString('key', true);
	const raw = interaction.options.getString('value', true);
	const key = findConfigKey(typedKey);
	if (key === undefined) return refuse(`Nothing changed: "${escapeMarkdown(typedKey)}" is not a setting. Settings: ${keyNames()}.`);
	const characters = context.characters.list();
	const parsed = key.parse(raw, characters);
	if (!parsed.ok)
		return refuse(`Nothing changed: **${key.name}** ${parsed.reason} (for example \`${key.example}\`); got "${escapeMarkdown(truncateText(raw, 100))}".`);
	const inChannel = interaction.options.getString('scope') === 'channel';
	const changes = { [key.setting]: parsed.value };
	const result = await context.settings.change(interaction.guildId, changes, {
		actor: actorOf(interaction),
		...(inChannel ? { channelId: interaction.channelId } : {}),
	});
	const where = inChannel ? 'this channel' : 'the whole server';
	const [entry] = result.entries;
	const outcome =
		entry === undefined ? 'It already was.' : `It was ${entry.before === null ? 'not set there' : escapeMarkdown(key.format(entry.before, characters))}.`;
	let note = '';
	if (!inChannel) {
		const layers = await context.settings.layers(interaction.guildId, interaction.channelId);
		if (key.setting in layers.channel)
			note = `\nThis channel overrides it with ${key.format(layers.channel[key.setting], characters)} (\`/config reset scope:this channel\` removes that).`;
	}
	return reply(`**${key.name}** is now **${escapeMarkdown(key.format(parsed.value, characters))}** for ${where}. ${outcome}${note}`);
}

async function resetValues(interaction: ChatInputCommandInteraction, context: CommandContext): Promise<CommandResult> {
	const inChannel = interaction.options.getString('scope', true) === 'channel';
	const typedKey = interaction.options.getString('key');
	const key = typedKey === null ? undefined : findConfigKey(typedKey);
	if (typedKey !== null && key === undefined) return refuse(`Nothing changed: "${escapeMarkdown(typedKey)}" is not a setting. Settings: ${keyNames()}.`);
	const keys: readonly ChannelSettingName[] | undefined = key === undefined ? undefined : [key.setting];
	const result = await context.settings.clear(interaction.guildId, {
		actor: actorOf(interaction),
		...(inChannel ? { channelId: interaction.channelId } : {}),
		...(keys === undefined ? {} : { keys }),
	});
	const where = inChannel ? "this channel's" : "the server's";
	if (result.entries.length === 0) return reply(`Nothing to reset: ${where} ${key === undefined ? 'settings were' : `**${key.name}** was`} not set.`);
	const above = inChannel ? 'the server settings' : 'the defaults';
	const names = result.entries.map((entry) => (entry.key === '*' ? 'everything' : (findConfigKey(entry.key)?.name ?? entry.key)));
	return reply(`Reset ${where} ${names.map((name) => `**${name}**`).join(', ')}; ${above} apply again.`);
}

function keyNames(): string {
	return configKeys.map((key) => key.name).join(', ');
}
