import { type DiscordEmulator, startDiscordEmulator } from '@charbot/discord-emulator';
import { type Client, DiscordAPIError, Events, type Message, type TextChannel, WebhookClient } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginClient, nextEvent } from './loginClient.js';

describe('REST messaging through discord.js', () => {
	let emulator: DiscordEmulator;
	let client: Client<true>;
	let general: TextChannel;

	beforeAll(async () => {
		emulator = await startDiscordEmulator({ heartbeatIntervalMs: 2000 });
		client = await loginClient(emulator);
		general = (await client.channels.fetch(emulator.seed?.channels.general ?? '')) as TextChannel;
	});

	afterAll(async () => {
		await client?.destroy();
		await emulator?.close();
	});

	const seed = () => {
		if (!emulator.seed) throw new Error('the emulator was not seeded');
		return emulator.seed;
	};

	it('records message.reply as the bot, replying to the user, pinging them', async () => {
		const received = nextEvent(client, Events.MessageCreate, (message: Message) => (message.content === 'Who wants pizza?' ? message : undefined));
		emulator.control.postMessage({ channelId: general.id, authorId: seed().users.carol ?? '', content: 'Who wants pizza?' });
		const reply = await (await received).reply('Me, obviously.');
		const last = emulator.control.transcript(general.id).at(-1);
		expect(last).toMatchObject({
			id: reply.id,
			content: 'Me, obviously.',
			author: { id: client.user.id, displayName: 'Charbot', kind: 'bot' },
			webhookId: null,
			fromBot: true,
			type: 19,
			mentionsPinged: { everyone: false, users: [seed().users.carol], roles: [] },
		});
		expect(last?.replyTo).toBe(emulator.control.transcript(general.id).at(-2)?.id);
	});

	it('shows a webhook message with the webhook username and avatar as the author', async () => {
		const webhook = await general.createWebhook({ name: 'Charbot characters' });
		const sent = await webhook.send({ content: 'Hehehehe.', username: 'Peter Griffin', avatarURL: 'https://example.test/peter.png' });
		expect(sent.author.username).toBe('Peter Griffin');
		expect(sent.webhookId).toBe(webhook.id);
		const last = emulator.control.transcript(general.id).at(-1);
		expect(last).toMatchObject({
			content: 'Hehehehe.',
			webhookId: webhook.id,
			fromBot: true,
			author: { id: webhook.id, displayName: 'Peter Griffin', avatarUrl: 'https://example.test/peter.png', kind: 'webhook', bot: true },
		});
		const listed = await general.fetchWebhooks();
		expect(listed.map((entry) => entry.name)).toContain('Charbot characters');
	});

	it('executes a webhook through WebhookClient by id and token, dispatching it to the gateway', async () => {
		const webhook = await general.createWebhook({ name: 'Brian' });
		// WebhookClient's url form only accepts discord.com URLs, so pass id and token.
		const webhookClient = new WebhookClient({ id: webhook.id, token: webhook.token ?? '' }, { rest: { api: emulator.apiUrl } });
		expect(webhook.url).toBe(`${emulator.apiUrl}/webhooks/${webhook.id}/${webhook.token}`);
		const echoed = nextEvent(client, Events.MessageCreate, (message: Message) => (message.webhookId === webhook.id ? message : undefined));
		const sent = await webhookClient.send({ content: 'Actually, that is a common misconception.', username: 'Brian Griffin' });
		const echo = await echoed;
		expect(echo.id).toBe(sent.id);
		expect(echo.author.username).toBe('Brian Griffin');
		expect(emulator.control.transcript(general.id).at(-1)?.author.displayName).toBe('Brian Griffin');
		webhookClient.destroy();
	});

	it('refuses webhook names Discord refuses, with 50035', async () => {
		const webhook = await general.createWebhook({ name: 'Narrator' });
		for (const username of ['Discord Official', 'clyde', 'everyone', 'x'.repeat(81)]) {
			const failure = await webhook.send({ content: 'hi', username }).catch((error: unknown) => error);
			expect(failure).toBeInstanceOf(DiscordAPIError);
			expect((failure as DiscordAPIError).code).toBe(50035);
			expect(JSON.stringify((failure as DiscordAPIError).rawError)).toContain('username');
		}
		await expect(general.createWebhook({ name: 'my discord hook' })).rejects.toMatchObject({ code: 50035 });
	});

	it('honours allowedMentions parse [] so @everyone and roles ping nobody', async () => {
		const roleId = seed().roles.moderators;
		const content = `@everyone dinner! <@&${roleId}> <@${seed().users.alice}>`;
		const quiet = await general.send({ content, allowedMentions: { parse: [] } });
		expect(quiet.mentions.everyone).toBe(false);
		expect(emulator.control.transcript(general.id).at(-1)).toMatchObject({ id: quiet.id, content, mentionsPinged: { everyone: false, users: [], roles: [] } });
		// The same text without allowed_mentions does ping: the bot's role may mention everyone.
		const loud = await general.send({ content });
		expect(emulator.control.transcript(general.id).at(-1)).toMatchObject({
			id: loud.id,
			mentionsPinged: { everyone: true, users: [seed().users.alice], roles: [roleId] },
		});
	});

	it('rejects 2,001 characters with DiscordAPIError 50035 BASE_TYPE_MAX_LENGTH', async () => {
		const failure = await general.send('a'.repeat(2001)).catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(DiscordAPIError);
		expect((failure as DiscordAPIError).code).toBe(50035);
		expect((failure as DiscordAPIError).status).toBe(400);
		expect((failure as DiscordAPIError).rawError).toEqual({
			code: 50035,
			message: 'Invalid Form Body',
			errors: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }] } },
		});
		await expect(general.send('a'.repeat(2000))).resolves.toBeDefined();
	});

	it('answers unknown channels, messages and webhooks with their Discord codes', async () => {
		await expect(client.rest.post('/channels/100000000000000000/messages', { body: { content: 'x' } })).rejects.toMatchObject({ code: 10003, status: 404 });
		await expect(general.messages.fetch('100000000000000000')).rejects.toMatchObject({ code: 10008 });
		await expect(client.fetchWebhook('100000000000000000')).rejects.toMatchObject({ code: 10015 });
		await expect(general.send({})).rejects.toMatchObject({ code: 50006 });
	});

	it('edits, lists, deletes and types', async () => {
		const sent = await general.send('first draft');
		const edited = await sent.edit('final draft');
		expect(edited.editedTimestamp).not.toBeNull();
		const fetched = await general.messages.fetch({ limit: 5 });
		expect(fetched.first()?.content).toBe('final draft');
		const deleted = nextEvent(client, Events.MessageDelete, (message) => (message.id === sent.id ? message.id : undefined));
		await sent.delete();
		await deleted;
		expect(emulator.control.transcript(general.id).some((message) => message.id === sent.id)).toBe(false);
		await expect(general.sendTyping()).resolves.toBeUndefined();
		const userMessage = emulator.control.postMessage({ channelId: general.id, authorId: seed().users.bob ?? '', content: 'mine' });
		await expect(client.rest.patch(`/channels/${general.id}/messages/${userMessage.id}`, { body: { content: 'hacked' } })).rejects.toMatchObject({
			code: 50005,
		});
	});

	it('returns the earlier message for a repeated enforce_nonce', async () => {
		const first = await general.send({ content: 'once', nonce: 'job-42', enforceNonce: true });
		const second = await general.send({ content: 'once', nonce: 'job-42', enforceNonce: true });
		expect(second.id).toBe(first.id);
		expect(emulator.control.transcript(general.id).filter((message) => message.content === 'once')).toHaveLength(1);
	});

	it('answers a wrong bot token with 401 and code 0', async () => {
		const response = await fetch(`${emulator.apiUrl}/v10/users/@me`, { headers: { authorization: 'Bot nope' } });
		expect(response.status).toBe(401);
		expect(response.headers.get('content-type')).toBe('application/json');
		expect(await response.json()).toEqual({ message: '401: Unauthorized', code: 0 });
	});
});
