import { type DiscordEmulator, startDiscordEmulator } from '@charbot/discord-emulator';
import { ChannelType, type Client, Events, GatewayIntentBits, type Message, Partials } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginClient, nextEvent } from './loginClient.js';

describe('a real discord.js client logging into the emulator', () => {
	let emulator: DiscordEmulator;
	let client: Client<true>;

	beforeAll(async () => {
		emulator = await startDiscordEmulator({ heartbeatIntervalMs: 2000 });
		client = await loginClient(emulator, { partials: [Partials.Channel] });
	});

	afterAll(async () => {
		await client?.destroy();
		await emulator?.close();
	});

	it('becomes ready with the seeded guild, its channels, roles and the bot as a member', () => {
		const seed = emulator.seed;
		expect(seed).not.toBeNull();
		expect(client.user.id).toBe(emulator.botUser.id);
		expect(client.application.id).toBe(emulator.applicationId);
		const guild = client.guilds.cache.get(seed?.guildId ?? '');
		expect(guild?.name).toBe('Quahog Community');
		expect(guild?.channels.cache.map((channel) => channel.name).sort()).toEqual(['bot-lab', 'general', 'kitchen']);
		expect(guild?.roles.everyone.id).toBe(guild?.id);
		expect(guild?.roles.cache.map((role) => role.name)).toEqual(expect.arrayContaining(['@everyone', 'Admin', 'Moderators', 'Charbot']));
		expect(guild?.members.me?.permissions.has('ManageWebhooks')).toBe(true);
		expect(guild?.memberCount).toBe(6);
	});

	it('delivers a user message with content, author and member', async () => {
		const channelId = emulator.seed?.channels.general ?? '';
		const received = nextEvent(client, Events.MessageCreate, (message: Message) => (message.content === 'Hey everyone, dinner at 7' ? message : undefined));
		emulator.control.postMessage({ channelId, authorId: emulator.seed?.users.alice ?? '', content: 'Hey everyone, dinner at 7' });
		const message = await received;
		expect(message.author.username).toBe('alice');
		expect(message.member?.displayName).toBe('Alice');
		expect(message.channel.id).toBe(channelId);
		expect(message.guild?.id).toBe(emulator.seed?.guildId);
	});

	it('parses <@bot> mentions so message.mentions sees the bot', async () => {
		const received = nextEvent(client, Events.MessageCreate, (message: Message) => (message.content.includes('what do you think') ? message : undefined));
		emulator.control.postMessage({
			channelId: emulator.seed?.channels.kitchen ?? '',
			authorId: emulator.seed?.users.bob ?? '',
			content: `<@${emulator.botUser.id}> what do you think?`,
		});
		const message = await received;
		expect(message.mentions.users.has(client.user.id)).toBe(true);
	});

	it('delivers DMs (with Partials.Channel, as on Discord)', async () => {
		const received = nextEvent(client, Events.MessageCreate, (message: Message) => (message.channel.type === ChannelType.DM ? message : undefined));
		emulator.control.postMessage({ channelId: emulator.seed?.dmChannelId ?? '', authorId: emulator.seed?.users.alice ?? '', content: 'psst, are you there?' });
		const message = await received;
		expect(message.content).toBe('psst, are you there?');
		expect(message.guild).toBeNull();
		const reply = await message.reply('Always.');
		expect(emulator.control.transcript(emulator.seed?.dmChannelId ?? '').at(-1)).toMatchObject({
			id: reply.id,
			content: 'Always.',
			fromBot: true,
			replyTo: message.id,
		});
	});

	it("dispatches the bot's own messages back to it, like Discord", async () => {
		const channel = client.channels.cache.get(emulator.seed?.channels['bot-lab'] ?? '');
		if (!channel?.isSendable()) throw new Error('bot-lab is not sendable');
		const echoed = nextEvent(client, Events.MessageCreate, (message: Message) => (message.content === 'talking to myself' ? message : undefined));
		const sent = await channel.send('talking to myself');
		const echo = await echoed;
		expect(echo.id).toBe(sent.id);
		expect(echo.author.bot).toBe(true);
	});
});

describe('the Message Content intent', () => {
	let emulator: DiscordEmulator;
	let client: Client<true>;

	beforeAll(async () => {
		emulator = await startDiscordEmulator({ heartbeatIntervalMs: 2000 });
		client = await loginClient(emulator, {
			intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
			partials: [Partials.Channel],
		});
	});

	afterAll(async () => {
		await client?.destroy();
		await emulator?.close();
	});

	it('blanks content of ordinary guild messages without it', async () => {
		const received = nextEvent(client, Events.MessageCreate, (message: Message) => (message.author.username === 'carol' ? message : undefined));
		emulator.control.postMessage({ channelId: emulator.seed?.channels.general ?? '', authorId: emulator.seed?.users.carol ?? '', content: 'secret recipe' });
		const message = await received;
		expect(message.content).toBe('');
		expect(emulator.control.transcript(emulator.seed?.channels.general ?? '').at(-1)?.content).toBe('secret recipe');
	});

	it('keeps content when the bot is mentioned and in DMs', async () => {
		const mention = `<@${emulator.botUser.id}> hello`;
		const mentioned = nextEvent(client, Events.MessageCreate, (message: Message) => (message.author.username === 'bob' ? message : undefined));
		emulator.control.postMessage({ channelId: emulator.seed?.channels.general ?? '', authorId: emulator.seed?.users.bob ?? '', content: mention });
		expect((await mentioned).content).toBe(mention);
		const direct = nextEvent(client, Events.MessageCreate, (message: Message) => (message.guild === null ? message : undefined));
		emulator.control.postMessage({ channelId: emulator.seed?.dmChannelId ?? '', authorId: emulator.seed?.users.alice ?? '', content: 'dm text' });
		expect((await direct).content).toBe('dm text');
	});
});
