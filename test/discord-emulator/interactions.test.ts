import { type DiscordEmulator, startDiscordEmulator } from '@charbot/discord-emulator';
import { type ChatInputCommandInteraction, type Client, Events, type Interaction, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginClient, nextEvent } from './loginClient.js';

const configCommand = new SlashCommandBuilder()
	.setName('config')
	.setDescription('Configure the characters')
	.setDefaultMemberPermissions(32n)
	.addSubcommand((sub) =>
		sub
			.setName('chattiness')
			.setDescription('How often characters speak up')
			.addStringOption((option) =>
				option.setName('character').setDescription('Who').setRequired(true).addChoices({ name: 'Peter', value: 'peter' }, { name: 'Stewie', value: 'stewie' }),
			)
			.addIntegerOption((option) => option.setName('percent').setDescription('0-100').setMinValue(0).setMaxValue(100).setRequired(true)),
	)
	.addSubcommand((sub) => sub.setName('show').setDescription('Show settings'));
const askCommand = new SlashCommandBuilder()
	.setName('ask')
	.setDescription('Ask a character')
	.addStringOption((option) => option.setName('question').setDescription('What').setRequired(true))
	.addUserOption((option) => option.setName('about').setDescription('Someone'));
const pickCommand = new SlashCommandBuilder()
	.setName('pick')
	.setDescription('Pick a character')
	.addStringOption((option) => option.setName('character').setDescription('Who').setRequired(true).setAutocomplete(true));

describe('slash commands through a real discord.js client', () => {
	let emulator: DiscordEmulator;
	let client: Client<true>;

	beforeAll(async () => {
		emulator = await startDiscordEmulator({ heartbeatIntervalMs: 2000, interactionCallbackTimeoutMs: 1000 });
		client = await loginClient(emulator);
		await client.application.commands.set([askCommand.toJSON(), pickCommand.toJSON()]);
		await client.application.commands.set([configCommand.toJSON()], emulator.seed?.guildId ?? '');
	});

	afterAll(async () => {
		await client?.destroy();
		await emulator?.close();
	});

	const seed = () => {
		if (!emulator.seed) throw new Error('the emulator was not seeded');
		return emulator.seed;
	};
	const nextCommand = () =>
		nextEvent(client, Events.InteractionCreate, (interaction: Interaction) => (interaction.isChatInputCommand() ? interaction : undefined));

	it('registers global and guild commands that GET returns and the control API lists', async () => {
		const global = await client.application.commands.fetch();
		expect(global.map((command) => command.name)).toEqual(['ask', 'pick']);
		const guild = await client.application.commands.fetch({ guildId: seed().guildId });
		expect(guild.map((command) => command.name)).toEqual(['config']);
		expect(
			emulator.control
				.commands(seed().guildId)
				.map((command) => command.name)
				.sort(),
		).toEqual(['ask', 'config', 'pick']);
		const again = await client.application.commands.set([configCommand.toJSON()], seed().guildId);
		expect(again.first()?.id).toBe(guild.first()?.id);
	});

	it('delivers a command with subcommand, typed options and member permissions; deferReply, editReply and followUp land', async () => {
		const received = nextCommand();
		const invoked = emulator.control.invokeCommand({
			channelId: seed().channels['bot-lab'] ?? '',
			userId: seed().users.erin ?? '',
			name: 'config',
			subcommand: 'chattiness',
			options: { character: 'stewie', percent: 40 },
		});
		const interaction: ChatInputCommandInteraction = await received;
		expect(interaction.id).toBe(invoked.id);
		expect(interaction.commandName).toBe('config');
		expect(interaction.options.getSubcommand()).toBe('chattiness');
		expect(interaction.options.getString('character')).toBe('stewie');
		expect(interaction.options.getInteger('percent')).toBe(40);
		expect(interaction.user.username).toBe('erin');
		expect(interaction.memberPermissions?.has('ManageGuild')).toBe(true);
		expect(interaction.memberPermissions?.has('Administrator')).toBe(false);
		expect(interaction.channelId).toBe(seed().channels['bot-lab']);

		await interaction.deferReply();
		expect(emulator.control.interactionResponses(invoked.id)).toMatchObject({ state: 'deferred', callbackType: 5, original: { loading: true } });
		await interaction.editReply('Stewie will now speak up 40% of the time.');
		await interaction.followUp({ content: 'Only you see this.', flags: MessageFlags.Ephemeral });
		const view = emulator.control.interactionResponses(invoked.id);
		expect(view).toMatchObject({
			state: 'replied',
			original: { content: 'Stewie will now speak up 40% of the time.', loading: false, fromBot: true, ephemeral: false },
		});
		expect(view.followUps).toMatchObject([{ content: 'Only you see this.', ephemeral: true }]);
		const original = await interaction.fetchReply();
		expect(original.content).toBe('Stewie will now speak up 40% of the time.');
	});

	it('computes permissions from roles: a plain member lacks Manage Server, the admin has everything', async () => {
		for (const [user, manage] of [
			['alice', false],
			['dana', true],
		] as const) {
			const received = nextCommand();
			emulator.control.invokeCommand({ channelId: seed().channels.general ?? '', userId: seed().users[user] ?? '', name: 'config', subcommand: 'show' });
			const interaction = await received;
			expect(interaction.memberPermissions?.has('ManageGuild')).toBe(manage);
			const content = manage ? 'settings…' : 'You need Manage Server.';
			const response = await interaction.reply({ content, flags: MessageFlags.Ephemeral, withResponse: true });
			expect(response.interaction.responseMessageEphemeral).toBe(true);
			expect(response.resource?.message?.content).toBe(content);
		}
	});

	it('resolves user options and answers a plain reply; a second answer is 40060', async () => {
		const received = nextCommand();
		const invoked = emulator.control.invokeCommand({
			channelId: seed().channels.general ?? '',
			userId: seed().users.bob ?? '',
			name: 'ask',
			options: { question: 'Is Carol nice?', about: seed().users.carol ?? '' },
		});
		const interaction = await received;
		expect(interaction.options.getUser('about')?.username).toBe('carol');
		const waiting = emulator.control.waitForBotMessage({ channelId: seed().channels.general ?? '' });
		await interaction.reply('Very.');
		expect(await waiting).toMatchObject({ content: 'Very.', interaction: { id: invoked.id, commandName: 'ask' } });
		await expect(interaction.reply('again')).rejects.toThrow();
		await expect(
			client.rest.post(`/interactions/${interaction.id}/${interaction.token}/callback`, { body: { type: 4, data: { content: 'x' } }, auth: false }),
		).rejects.toMatchObject({
			code: 40060,
		});
	});

	it('answers 10062 Unknown interaction after the callback deadline', async () => {
		const received = nextCommand();
		emulator.control.invokeCommand({ channelId: seed().channels.general ?? '', userId: seed().users.bob ?? '', name: 'ask', options: { question: 'slow?' } });
		const interaction = await received;
		await new Promise((resolve) => setTimeout(resolve, 1100));
		await expect(interaction.reply('too late')).rejects.toMatchObject({ code: 10062 });
	});

	it('sends autocomplete interactions and records the offered choices', async () => {
		const received = nextEvent(client, Events.InteractionCreate, (interaction: Interaction) => (interaction.isAutocomplete() ? interaction : undefined));
		const invoked = emulator.control.autocomplete({
			channelId: seed().channels.general ?? '',
			userId: seed().users.bob ?? '',
			name: 'pick',
			options: { character: 'st' },
			focused: 'character',
		});
		const interaction = await received;
		expect(interaction.options.getFocused(true)).toMatchObject({ name: 'character', value: 'st' });
		await interaction.respond([{ name: 'Stewie', value: 'stewie' }]);
		expect(emulator.control.interactionResponses(invoked.id)).toMatchObject({
			state: 'autocompleted',
			autocompleteChoices: [{ name: 'Stewie', value: 'stewie' }],
		});
	});

	it('explains a bad invocation instead of sending it', () => {
		const channelId = seed().channels.general ?? '';
		const userId = seed().users.bob ?? '';
		expect(() => emulator.control.invokeCommand({ channelId, userId, name: 'nope' })).toThrow(/no command \/nope is registered/);
		expect(() => emulator.control.invokeCommand({ channelId, userId, name: 'config' })).toThrow(/needs a subcommand/);
		expect(() =>
			emulator.control.invokeCommand({ channelId, userId, name: 'config', subcommand: 'chattiness', options: { character: 'lois', percent: 1 } }),
		).toThrow(/must be one of/);
		expect(() => emulator.control.invokeCommand({ channelId, userId, name: 'ask' })).toThrow(/"question" is required/);
	});
});
