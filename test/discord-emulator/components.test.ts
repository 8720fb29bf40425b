import { type DiscordEmulator, startDiscordEmulator } from '@charbot/discord-emulator';
import {
	ActionRowBuilder,
	ButtonBuilder,
	type ButtonInteraction,
	ButtonStyle,
	type Client,
	ComponentType,
	DiscordAPIError,
	Events,
	type Interaction,
	type Message,
	MessageFlags,
	type PartialMessage,
	StringSelectMenuBuilder,
	type StringSelectMenuInteraction,
	type TextChannel,
	UserSelectMenuBuilder,
	type UserSelectMenuInteraction,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginClient, nextEvent } from './loginClient.js';

const regenerateRow = () =>
	new ActionRowBuilder<ButtonBuilder>().addComponents(
		new ButtonBuilder().setCustomId('regenerate').setLabel('Regenerate').setStyle(ButtonStyle.Primary).setEmoji('🔁'),
		new ButtonBuilder().setCustomId('delete').setLabel('Delete').setStyle(ButtonStyle.Danger),
		new ButtonBuilder().setURL('https://example.org/characters/peter').setLabel('About Peter').setStyle(ButtonStyle.Link),
	);
const characterMenu = () =>
	new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(
		new StringSelectMenuBuilder()
			.setCustomId('character')
			.setPlaceholder('Pick characters')
			.setMaxValues(2)
			.addOptions({ label: 'Peter', value: 'peter' }, { label: 'Stewie', value: 'stewie' }, { label: 'Brian', value: 'brian' }),
	);

describe('message components through a real discord.js client', () => {
	let emulator: DiscordEmulator;
	let client: Client<true>;
	let channel: TextChannel;

	beforeAll(async () => {
		emulator = await startDiscordEmulator({ heartbeatIntervalMs: 2000 });
		client = await loginClient(emulator);
		channel = (await client.channels.fetch(emulator.seed?.channels.general ?? '')) as TextChannel;
	});

	afterAll(async () => {
		await client?.destroy();
		await emulator?.close();
	});

	const user = (name: string) => emulator.seed?.users[name] ?? '';
	const nextComponent = <T extends Interaction>(pick: (interaction: Interaction) => T | undefined) => nextEvent(client, Events.InteractionCreate, pick);
	const click = (message: Message, customId: string, userId = user('alice'), values?: string[]) =>
		emulator.control.clickComponent({ channelId: message.channelId, messageId: message.id, userId, customId, ...(values ? { values } : {}) });

	it('sends buttons and a select menu; Discord numbers them and fills in select defaults', async () => {
		const sent = await channel.send({ content: 'Hehehe', components: [regenerateRow(), characterMenu()] });
		const raw = (await client.rest.get(`/channels/${channel.id}/messages/${sent.id}`)) as { components: Record<string, unknown>[] };
		expect(raw.components).toEqual([
			{
				type: 1,
				id: 1,
				components: [
					{ type: 2, id: 2, style: 1, label: 'Regenerate', emoji: { name: '🔁' }, custom_id: 'regenerate' },
					{ type: 2, id: 3, style: 4, label: 'Delete', custom_id: 'delete' },
					{ type: 2, id: 4, style: 5, label: 'About Peter', url: 'https://example.org/characters/peter' },
				],
			},
			{
				type: 1,
				id: 5,
				components: [
					{
						type: 3,
						id: 6,
						custom_id: 'character',
						placeholder: 'Pick characters',
						min_values: 1,
						max_values: 2,
						options: [
							{ label: 'Peter', value: 'peter' },
							{ label: 'Stewie', value: 'stewie' },
							{ label: 'Brian', value: 'brian' },
						],
					},
				],
			},
		]);
		expect(sent.components[0]?.type).toBe(ComponentType.ActionRow);
		const [transcript] = emulator.control.transcript(channel.id, { limit: 1 });
		expect(transcript?.components).toEqual(raw.components);
	});

	it('rejects components as Discord does, naming each field in a 50035', async () => {
		const button = (customId: string) => ({ type: 2, style: 1, label: customId, custom_id: customId });
		const cases: [unknown[], Record<string, unknown>][] = [
			[
				Array.from({ length: 6 }, (_, index) => ({ type: 1, components: [button(`b${index}`)] })),
				{ components: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } },
			],
			[
				[{ type: 1, components: Array.from({ length: 6 }, (_, index) => button(`c${index}`)) }],
				{ components: { 0: { components: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH' }] } } } },
			],
			[
				[{ type: 1, components: [button('same'), button('same')] }],
				{ components: { 0: { components: { 1: { custom_id: { _errors: [{ code: 'COMPONENT_CUSTOM_ID_DUPLICATED' }] } } } } } },
			],
			[
				[{ type: 1, components: [button('x'.repeat(101))] }],
				{ components: { 0: { components: { 0: { custom_id: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH' }] } } } } } },
			],
			[
				[{ type: 1, components: [{ ...button('long'), label: 'y'.repeat(81) }] }],
				{ components: { 0: { components: { 0: { label: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } } } },
			],
			[
				[{ type: 1, components: [{ type: 2, style: 1, label: 'no id' }] }],
				{ components: { 0: { components: { 0: { custom_id: { _errors: [{ code: 'BUTTON_COMPONENT_CUSTOM_ID_REQUIRED' }] } } } } } },
			],
			[
				[{ type: 1, components: [{ type: 2, style: 5, label: 'link', url: 'https://example.org', custom_id: 'nope' }] }],
				{ components: { 0: { components: { 0: { custom_id: { _errors: [{ code: 'BUTTON_COMPONENT_CUSTOM_ID_URL_MUTUALLY_EXCLUSIVE' }] } } } } } },
			],
			[
				[{ type: 1, components: [button('beside'), { type: 3, custom_id: 'menu', options: [{ label: 'a', value: 'a' }] }] }],
				{ components: { 0: { components: { 1: { _errors: [{ code: 'COMPONENT_LAYOUT_WIDTH_EXCEEDED' }] } } } } },
			],
		];
		for (const [components, errors] of cases) {
			const failure = await channel.send({ content: 'bad', components: components as never }).catch((error: unknown) => error);
			expect(failure).toBeInstanceOf(DiscordAPIError);
			expect(failure).toMatchObject({ status: 400, code: 50035, rawError: { errors } });
		}
		expect(emulator.control.transcript(channel.id).some((message) => message.content === 'bad')).toBe(false);
	});

	it('delivers a button click as a ButtonInteraction that can reply and follow up', async () => {
		const sent = await channel.send({ content: 'Want me to try again?', components: [regenerateRow()] });
		const received = nextComponent((interaction) => (interaction.isButton() ? interaction : undefined));
		const view = click(sent, 'regenerate');
		const interaction: ButtonInteraction = await received;
		expect(interaction.isButton()).toBe(true);
		expect(interaction.customId).toBe('regenerate');
		expect(interaction.componentType).toBe(ComponentType.Button);
		expect(interaction.message.id).toBe(sent.id);
		expect(interaction.message.content).toBe('Want me to try again?');
		expect(interaction.user.username).toBe('alice');
		expect(interaction.appPermissions.has('SendMessages')).toBe(true);
		expect(view).toMatchObject({ state: 'pending', component: { messageId: sent.id, customId: 'regenerate', componentType: 2, values: [] } });

		await interaction.reply({ content: 'Regenerating…', flags: MessageFlags.Ephemeral });
		await interaction.followUp('Here is a new take.');
		const answered = emulator.control.interactionResponses(view.id);
		expect(answered).toMatchObject({
			state: 'replied',
			original: { content: 'Regenerating…', ephemeral: true },
			followUps: [{ content: 'Here is a new take.' }],
		});
		const raw = (await client.rest.get(`/channels/${channel.id}/messages/${answered.followUps[0]?.id}`)) as Record<string, unknown>;
		expect(raw.interaction_metadata).toMatchObject({ id: view.id, type: 3, interacted_message_id: sent.id, user: { id: user('alice') } });
	});

	it('defers an update, then edits the clicked message through @original (MESSAGE_UPDATE)', async () => {
		const sent = await channel.send({ content: 'Peter says hi', components: [regenerateRow()] });
		const received = nextComponent((interaction) => (interaction.isButton() ? interaction : undefined));
		const view = click(sent, 'regenerate', user('bob'));
		const interaction = await received;
		await interaction.deferUpdate();
		expect(emulator.control.interactionResponses(view.id)).toMatchObject({ state: 'deferredUpdate', callbackType: 6, original: { id: sent.id } });
		const updated = nextEvent(client, Events.MessageUpdate, (_old: Message | PartialMessage, message: Message | PartialMessage) =>
			message.id === sent.id ? message : undefined,
		);
		await interaction.editReply({ content: 'Peter says hello again', components: [] });
		const message = await updated;
		expect(message.content).toBe('Peter says hello again');
		expect(message.components).toEqual([]);
		expect(emulator.control.transcript(channel.id).find((entry) => entry.id === sent.id)).toMatchObject({ content: 'Peter says hello again', components: [] });
	});

	it('updates the message in the callback (type 7); a disabled button cannot be clicked', async () => {
		const sent = await channel.send({ content: 'Delete this?', components: [regenerateRow()] });
		const received = nextComponent((interaction) => (interaction.isButton() ? interaction : undefined));
		const view = click(sent, 'delete', user('carol'));
		const interaction = await received;
		const disabled = ButtonBuilder.from(regenerateRow().components[1]?.toJSON() ?? { type: 2, style: 4, custom_id: 'delete' }).setDisabled(true);
		const response = await interaction.update({
			content: 'Deleted.',
			components: [new ActionRowBuilder<ButtonBuilder>().addComponents(disabled)],
			withResponse: true,
		});
		expect(response.resource?.message?.content).toBe('Deleted.');
		expect(emulator.control.interactionResponses(view.id)).toMatchObject({ state: 'updated', callbackType: 7, original: { id: sent.id, content: 'Deleted.' } });
		expect(() => click(sent, 'delete')).toThrow(/disabled/);
		const overHttp = await fetch(`${emulator.url}_emu/channels/${sent.channelId}/messages/${sent.id}/components`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ userId: user('carol'), customId: 'delete' }),
		});
		expect(overHttp.status).toBe(400);
		expect(await overHttp.json()).toEqual({ error: 'component "delete" is disabled and cannot be used' });
		expect(() => click(sent, 'regenerate')).toThrow(/no component with custom_id "regenerate" \(has: "delete"\)/);
		await expect(interaction.update({ content: 'twice' })).rejects.toThrow();
	});

	it('delivers string and user select menus with their values and resolved users', async () => {
		const sent = await channel.send({
			content: 'Who should answer?',
			components: [characterMenu(), new ActionRowBuilder<UserSelectMenuBuilder>().addComponents(new UserSelectMenuBuilder().setCustomId('member'))],
		});
		const stringPick = nextComponent((interaction) => (interaction.isStringSelectMenu() ? interaction : undefined));
		click(sent, 'character', user('dana'), ['stewie', 'brian']);
		const picked: StringSelectMenuInteraction = await stringPick;
		expect(picked.values).toEqual(['stewie', 'brian']);
		await picked.reply({ content: 'Stewie and Brian it is.' });

		const userPick = nextComponent((interaction) => (interaction.isUserSelectMenu() ? interaction : undefined));
		click(sent, 'member', user('dana'), [user('erin')]);
		const chosen: UserSelectMenuInteraction = await userPick;
		expect(chosen.users.first()?.username).toBe('erin');
		expect(chosen.members.size).toBe(1);
		await chosen.deferReply();
		await chosen.editReply('Asked Erin.');

		expect(() => click(sent, 'character', user('dana'), ['lois'])).toThrow(/must be one of "peter", "stewie", "brian"/);
		expect(() => click(sent, 'character', user('dana'), ['peter', 'stewie', 'brian'])).toThrow(/takes 1 to 2 value/);
		expect(() => click(sent, 'character', user('dana'))).toThrow(/takes 1 to 2 value/);
	});

	it('carries components on interaction replies and on application-owned webhook posts', async () => {
		const received = nextComponent((interaction) => (interaction.isButton() ? interaction : undefined));
		const sent = await channel.send({ content: 'Menu', components: [regenerateRow()] });
		click(sent, 'regenerate', user('erin'));
		const interaction = await received;
		const reply = await interaction.reply({ content: 'Pick one', components: [characterMenu()], withResponse: true });
		expect(reply.resource?.message?.components[0]?.toJSON()).toMatchObject({ type: 1, components: [{ type: 3, custom_id: 'character' }] });

		const webhook = await channel.createWebhook({ name: 'Charbot characters' });
		const posted = await webhook.send({ content: 'Peter here', username: 'Peter Griffin', components: [regenerateRow()] });
		expect(posted.components[0]?.toJSON()).toMatchObject({
			components: [{ custom_id: 'regenerate' }, { custom_id: 'delete' }, { url: 'https://example.org/characters/peter' }],
		});
		const clickOnWebhook = nextComponent((next) => (next.isButton() && next.message.id === posted.id ? next : undefined));
		click(posted as Message, 'regenerate', user('bob'));
		const fromWebhook = await clickOnWebhook;
		expect(fromWebhook.message.webhookId).toBe(webhook.id);
		await fromWebhook.deferUpdate();
	});
});
