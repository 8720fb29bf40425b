import { type DiscordEmulator, startDiscordEmulator } from '@charbot/discord-emulator';
import {
	type Client,
	DiscordAPIError,
	Events,
	GatewayIntentBits,
	type Message,
	type PartialMessage,
	type MessageReaction,
	type PartialMessageReaction,
	Partials,
	type TextChannel,
	type PartialUser,
	type User,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatIntents, loginClient, nextEvent } from './loginClient.js';

const reactionIntents = [...chatIntents, GatewayIntentBits.GuildMessageReactions, GatewayIntentBits.DirectMessageReactions];
const peterEmoji = { name: 'peter', id: '112233445566778899' };

describe('reactions through a real discord.js client', () => {
	let emulator: DiscordEmulator;
	let client: Client<true>;

	beforeAll(async () => {
		emulator = await startDiscordEmulator({ heartbeatIntervalMs: 2000 });
		client = await loginClient(emulator, { intents: reactionIntents });
	});

	afterAll(async () => {
		await client?.destroy();
		await emulator?.close();
	});

	const seed = () => {
		if (!emulator.seed) throw new Error('the emulator was not seeded');
		return emulator.seed;
	};
	const channelId = () => seed().channels.general ?? '';
	const user = (name: string) => seed().users[name] ?? '';

	/** A member's message the client has seen (and cached) through MESSAGE_CREATE. */
	async function memberMessage(content: string, author = 'alice', channel = channelId()): Promise<Message> {
		const received = nextEvent(client, Events.MessageCreate, (message: Message) => (message.content === content ? message : undefined));
		emulator.control.postMessage({ channelId: channel, authorId: user(author), content });
		return received;
	}

	it('lets the bot react with unicode and custom emoji; the message, the user list and the transcript show them', async () => {
		const message = await memberMessage('Who wants to go to the Clam?');
		await message.react('👍');
		await message.react(`<:${peterEmoji.name}:${peterEmoji.id}>`);
		emulator.control.addReaction({ channelId: channelId(), messageId: message.id, userId: user('bob'), emoji: '👍' });

		const fetched = await message.fetch(true);
		const thumbs = fetched.reactions.cache.get('👍');
		expect(thumbs?.count).toBe(2);
		expect(thumbs?.me).toBe(true);
		expect(fetched.reactions.cache.get(peterEmoji.id)).toMatchObject({ count: 1, me: true, emoji: { name: 'peter', id: peterEmoji.id } });
		const raw = (await client.rest.get(`/channels/${channelId()}/messages/${message.id}`)) as { reactions: unknown[] };
		expect(raw.reactions).toEqual([
			{ emoji: { id: null, name: '👍' }, count: 2, count_details: { burst: 0, normal: 2 }, burst_colors: [], me_burst: false, me: true },
			{
				emoji: { id: peterEmoji.id, name: 'peter', animated: false },
				count: 1,
				count_details: { burst: 0, normal: 1 },
				burst_colors: [],
				me_burst: false,
				me: true,
			},
		]);

		const users = await thumbs?.users.fetch();
		expect([...(users?.keys() ?? [])].sort()).toEqual([client.user.id, user('bob')].sort());
		const [transcript] = emulator.control.transcript(channelId(), { limit: 1 });
		expect(transcript?.reactions).toEqual([
			{ emoji: { id: null, name: '👍', animated: false }, count: 2, userIds: [client.user.id, user('bob')], me: true },
			{ emoji: { id: peterEmoji.id, name: 'peter', animated: false }, count: 1, userIds: [client.user.id], me: true },
		]);
	});

	it('pages the users who reacted with after and limit, sorted by id', async () => {
		const message = await memberMessage('Roll call');
		const people = ['alice', 'bob', 'carol', 'dana', 'erin'].map(user);
		for (const userId of people) emulator.control.addReaction({ channelId: channelId(), messageId: message.id, userId, emoji: '✅' });
		const route = `/channels/${channelId()}/messages/${message.id}/reactions/${encodeURIComponent('✅')}` as const;
		const sorted = [...people].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
		const first = (await client.rest.get(route, { query: new URLSearchParams({ limit: '2' }) })) as { id: string }[];
		expect(first.map((entry) => entry.id)).toEqual(sorted.slice(0, 2));
		const rest = (await client.rest.get(route, { query: new URLSearchParams({ after: sorted[1] ?? '', limit: '100' }) })) as { id: string }[];
		expect(rest.map((entry) => entry.id)).toEqual(sorted.slice(2));
		await expect(client.rest.get(route, { query: new URLSearchParams({ limit: '101' }) })).rejects.toMatchObject({ status: 400, code: 50035 });
	});

	it('emits messageReactionAdd and messageReactionRemove when a member reacts and takes it back', async () => {
		const message = await memberMessage('React to this');
		const added = nextEvent(client, Events.MessageReactionAdd, (reaction: MessageReaction | PartialMessageReaction, reactor: User | PartialUser) =>
			reaction.message.id === message.id ? { reaction, reactor } : undefined,
		);
		emulator.control.addReaction({ channelId: channelId(), messageId: message.id, userId: user('carol'), emoji: '😂' });
		const { reaction, reactor } = await added;
		expect(reaction.emoji.name).toBe('😂');
		expect(reaction.count).toBe(1);
		expect(reactor.username).toBe('carol');
		expect(reaction.message.guild?.members.cache.get(user('carol'))?.user.username).toBe('carol');

		const removed = nextEvent(client, Events.MessageReactionRemove, (gone: MessageReaction | PartialMessageReaction, by: User | PartialUser) =>
			gone.message.id === message.id ? by.id : undefined,
		);
		emulator.control.removeReaction({ channelId: channelId(), messageId: message.id, userId: user('carol'), emoji: '😂' });
		expect(await removed).toBe(user('carol'));
		expect(message.reactions.cache.has('😂')).toBe(false);
	});

	it('delivers reactions on uncached messages to a client with partials, which can fetch them', async () => {
		const earlier = emulator.control.postMessage({ channelId: channelId(), authorId: user('dana'), content: 'Posted before the bot started' });
		const partialClient = await loginClient(emulator, { intents: reactionIntents, partials: [Partials.Message, Partials.Reaction, Partials.User] });
		try {
			const added = nextEvent(partialClient, Events.MessageReactionAdd, (reaction: MessageReaction | PartialMessageReaction) =>
				reaction.message.id === earlier.id ? reaction : undefined,
			);
			emulator.control.addReaction({ channelId: channelId(), messageId: earlier.id, userId: user('erin'), emoji: `${peterEmoji.name}:${peterEmoji.id}` });
			const reaction = await added;
			expect(reaction.message.partial).toBe(true);
			expect(reaction.emoji.id).toBe(peterEmoji.id);
			const full = await reaction.fetch();
			expect(full.count).toBe(1);
			expect(full.message.content).toBe('Posted before the bot started');
		} finally {
			await partialClient.destroy();
		}
	});

	it('sends reaction dispatches only to sessions with the reactions intent', async () => {
		const quiet = await loginClient(emulator, { intents: chatIntents });
		try {
			const seen: string[] = [];
			quiet.on(Events.Raw, (packet: { t?: string }) => {
				if (packet.t) seen.push(packet.t);
			});
			const message = await memberMessage('Intent check');
			emulator.control.addReaction({ channelId: channelId(), messageId: message.id, userId: user('bob'), emoji: '🎉' });
			// Dispatches reach a session in order, so once this later message arrives the reaction would have too.
			const marker = nextEvent(quiet, Events.MessageCreate, (later: Message) => (later.content === 'after the reaction' ? later : undefined));
			emulator.control.postMessage({ channelId: channelId(), authorId: user('bob'), content: 'after the reaction' });
			await marker;
			expect(seen).toContain('MESSAGE_CREATE');
			expect(seen).not.toContain('MESSAGE_REACTION_ADD');
		} finally {
			await quiet.destroy();
		}
	});

	it('reacts in DMs with Direct Message Reactions', async () => {
		const dmClient = await loginClient(emulator, { intents: reactionIntents, partials: [Partials.Channel, Partials.Message, Partials.Reaction] });
		try {
			const dm = seed().dmChannelId;
			const posted = emulator.control.postMessage({ channelId: dm, authorId: user('alice'), content: 'psst' });
			const added = nextEvent(dmClient, Events.MessageReactionAdd, (reaction: MessageReaction | PartialMessageReaction, reactor: User | PartialUser) =>
				reaction.message.id === posted.id ? reactor.id : undefined,
			);
			emulator.control.addReaction({ channelId: dm, messageId: posted.id, userId: user('alice'), emoji: '❤️' });
			expect(await added).toBe(user('alice'));
			await dmClient.rest.put(`/channels/${dm}/messages/${posted.id}/reactions/${encodeURIComponent('❤️')}/@me`);
			expect(emulator.control.transcript(dm, { limit: 1 })[0]?.reactions[0]).toMatchObject({ count: 2, me: true });
			await expect(dmClient.rest.delete(`/channels/${dm}/messages/${posted.id}/reactions`)).rejects.toMatchObject({ code: 50003 });
		} finally {
			await dmClient.destroy();
		}
	});

	it('removes reactions: another user’s, one emoji, all; each with its dispatch', async () => {
		const message = await memberMessage('Clean up');
		for (const [who, emoji] of [
			['alice', '🍺'],
			['bob', '🍺'],
			['carol', '🦃'],
		] as const) {
			emulator.control.addReaction({ channelId: channelId(), messageId: message.id, userId: user(who), emoji });
		}
		await message.fetch(true);

		const removedOne = nextEvent(client, Events.MessageReactionRemove, (reaction: MessageReaction | PartialMessageReaction, by: User | PartialUser) =>
			reaction.message.id === message.id ? by.id : undefined,
		);
		await message.reactions.cache.get('🍺')?.users.remove(user('alice'));
		expect(await removedOne).toBe(user('alice'));

		const removedEmoji = nextEvent(client, Events.MessageReactionRemoveEmoji, (reaction: MessageReaction | PartialMessageReaction) =>
			reaction.message.id === message.id ? reaction.emoji.name : undefined,
		);
		await message.reactions.cache.get('🦃')?.remove();
		expect(await removedEmoji).toBe('🦃');

		const removedAll = nextEvent(client, Events.MessageReactionRemoveAll, (cleared: Message | PartialMessage) =>
			cleared.id === message.id ? cleared : undefined,
		);
		await message.reactions.removeAll();
		await removedAll;
		expect(emulator.control.transcript(channelId(), { limit: 1 })[0]?.reactions).toEqual([]);
		expect(((await client.rest.get(`/channels/${channelId()}/messages/${message.id}`)) as Record<string, unknown>).reactions).toBeUndefined();
	});

	it('checks permissions as Discord does: Add Reactions for a new emoji only, Manage Messages for others’ reactions', async () => {
		const guildId = seed().guildId;
		const quiet = emulator.control.createChannel(guildId, {
			name: 'no-reactions',
			overwrites: [
				{ id: guildId, type: 0, allow: 0n, deny: 1n << 6n },
				{ id: client.user.id, type: 1, allow: 1n << 6n, deny: 1n << 13n },
			],
		});
		const channel = (await client.channels.fetch(quiet.id)) as TextChannel;
		const message = await memberMessage('no new emoji here', 'alice', quiet.id);
		expect(() => emulator.control.addReaction({ channelId: quiet.id, messageId: message.id, userId: user('alice'), emoji: '👀' })).toThrow(
			/Missing Permissions/,
		);
		// The bot's own overwrite grants Add Reactions; once an emoji is there, members without it may add to it.
		await message.react('👀');
		emulator.control.addReaction({ channelId: quiet.id, messageId: message.id, userId: user('alice'), emoji: '👀' });
		const fetched = await channel.messages.fetch({ message: message.id, force: true });
		expect(fetched.reactions.cache.get('👀')?.count).toBe(2);
		const denied = await fetched.reactions.cache
			.get('👀')
			?.users.remove(user('alice'))
			.catch((error: unknown) => error);
		expect(denied).toBeInstanceOf(DiscordAPIError);
		expect(denied).toMatchObject({ status: 403, code: 50013 });
	});

	it('answers unknown emoji, messages and the 20-emoji cap with Discord’s errors', async () => {
		const message = await memberMessage('Limits');
		const base = `/channels/${channelId()}/messages/${message.id}/reactions` as const;
		await expect(client.rest.put(`${base}/${encodeURIComponent('not-an-emoji')}/@me`)).rejects.toMatchObject({ status: 400, code: 10014 });
		await expect(client.rest.put(`/channels/${channelId()}/messages/1/reactions/${encodeURIComponent('👍')}/@me`)).rejects.toMatchObject({
			status: 404,
			code: 10008,
		});
		const twenty = ['😀', '😁', '😂', '🤣', '😃', '😄', '😅', '😆', '😉', '😊', '😋', '😎', '😍', '😘', '🥰', '😗', '😙', '😚', '🙂', '🤗'];
		for (const emoji of twenty) emulator.control.addReaction({ channelId: channelId(), messageId: message.id, userId: user('bob'), emoji });
		await expect(client.rest.put(`${base}/${encodeURIComponent('🤩')}/@me`)).rejects.toMatchObject({ status: 400, code: 30010 });
		// Adding to an emoji already there is fine, and doing it twice changes nothing.
		await client.rest.put(`${base}/${encodeURIComponent('😀')}/@me`);
		await client.rest.put(`${base}/${encodeURIComponent('😀')}/@me`);
		expect(emulator.control.transcript(channelId(), { limit: 1 })[0]?.reactions[0]?.count).toBe(2);
	});

	it('reacts as a member over the control HTTP API and explains bad input', async () => {
		const message = await memberMessage('Over HTTP');
		const route = `${emulator.url}_emu/channels/${channelId()}/messages/${message.id}/reactions`;
		const call = (method: string, body: unknown) => fetch(route, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
		const added = nextEvent(client, Events.MessageReactionAdd, (reaction: MessageReaction | PartialMessageReaction, reactor: User | PartialUser) =>
			reaction.message.id === message.id ? `${reactor.username} ${reaction.emoji.name}` : undefined,
		);
		const response = await call('POST', { userId: user('erin'), emoji: '🍻' });
		expect(response.status).toBe(200);
		expect(((await response.json()) as { reactions: unknown[] }).reactions).toEqual([
			{ emoji: { id: null, name: '🍻', animated: false }, count: 1, userIds: [user('erin')], me: false },
		]);
		expect(await added).toBe('erin 🍻');
		const removed = await call('DELETE', { userId: user('erin'), emoji: '🍻' });
		expect(((await removed.json()) as { reactions: unknown[] }).reactions).toEqual([]);
		const bad = await call('POST', { userId: user('erin'), emoji: 'beer' });
		expect(bad.status).toBe(400);
		expect(((await bad.json()) as { error: string }).error).toMatch(/neither a unicode emoji nor a custom emoji/);
		const missing = await call('POST', { emoji: '🍻' });
		expect(((await missing.json()) as { error: string }).error).toMatch(/^userId: /);
	});
});
