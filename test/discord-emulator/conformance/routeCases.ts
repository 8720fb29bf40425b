import { expect } from 'vitest';
import { type ConformanceKit, kitComponents } from './ConformanceKit.js';
import type { RouteCase } from './RouteCase.js';

// The route table of the conformance test. Every route in the emulator's `allRoutes` needs at least one case here with a
// 2xx status, or the test fails naming it. To cover a new route, append cases under its heading (or a new heading):
// `route` is the emulator's label, `request` sets up through the kit and returns the request, `verify` adds the facts a
// schema cannot state. Cases run in this order, one at a time, against one emulator.

const general = (kit: ConformanceKit) => kit.world.channels.general ?? '';
const alice = (kit: ConformanceKit) => kit.world.users.alice ?? '';
const app = (kit: ConformanceKit) => `/applications/${kit.emulator.applicationId}`;
const guildCommands = (kit: ConformanceKit) => `${app(kit)}/guilds/${kit.world.guildId}/commands`;
const avatarUrl = 'https://example.com/avatars/peter.png';
const richEmbed = { title: 'Kitchen report', description: 'All quiet', color: 0x5865f2, fields: [{ name: 'Pots', value: '3', inline: true }] };

const thumbsUp = encodeURIComponent('👍');

/** The reactions path of a message in #general. */
function reactions(kit: ConformanceKit, messageId: string): string {
	return `/channels/${general(kit)}/messages/${messageId}/reactions`;
}

/** The reactions path of a bot message the bot reacted to with 👍. */
async function reactedMessage(kit: ConformanceKit): Promise<string> {
	const path = reactions(kit, await kit.botMessage());
	await kit.setup({ method: 'PUT', path: `${path}/${thumbsUp}/@me` });
	return path;
}

function field(body: unknown, ...path: (string | number)[]): unknown {
	return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], body);
}

/** Every case, grouped by the emulator's route files. */
export const routeCases: readonly RouteCase[] = [
	// --- userRoutes: gateway discovery, the bot's user and application, users, DM channels
	{ route: 'GET /gateway', title: 'gateway URL without auth', status: 200, request: () => ({ method: 'GET', path: '/gateway', auth: false }) },
	{ route: 'GET /gateway/bot', title: 'gateway URL, shards and session start limit', status: 200, request: () => ({ method: 'GET', path: '/gateway/bot' }) },
	{ route: 'GET /users/@me', title: 'the bot user', status: 200, request: () => ({ method: 'GET', path: '/users/@me' }) },
	{ route: 'GET /users/@me', title: 'without a token', status: 401, request: () => ({ method: 'GET', path: '/users/@me', auth: false }) },
	{ route: 'GET /applications/@me', title: 'the application', status: 200, request: () => ({ method: 'GET', path: '/applications/@me' }) },
	{
		route: 'GET /oauth2/applications/@me',
		title: 'the application (OAuth2)',
		status: 200,
		request: () => ({ method: 'GET', path: '/oauth2/applications/@me' }),
	},
	{
		route: 'POST /users/@me/channels',
		title: 'opens a DM channel',
		status: 200,
		request: (kit) => ({ method: 'POST', path: '/users/@me/channels', body: { recipient_id: kit.world.users.bob } }),
		verify: (body, kit) => expect(field(body, 'recipients', 0, 'id')).toBe(kit.world.users.bob),
	},
	{
		route: 'POST /users/@me/channels',
		title: 'without recipient_id (50035)',
		status: 400,
		request: () => ({ method: 'POST', path: '/users/@me/channels', body: {} }),
	},
	{ route: 'GET /users/:userId', title: 'a member', status: 200, request: (kit) => ({ method: 'GET', path: `/users/${alice(kit)}` }) },
	{ route: 'GET /users/:userId', title: 'an unknown user (10013)', status: 404, request: () => ({ method: 'GET', path: '/users/1' }) },
	{
		route: 'GET /users/:userId',
		title: 'rate limited (429)',
		status: 429,
		request: (kit) => {
			kit.emulator.control.injectRateLimit({ route: 'GET /users/:userId', count: 1, retryAfterMs: 50 });
			return { method: 'GET', path: `/users/${alice(kit)}` };
		},
	},

	// --- commandRoutes: global and guild application commands
	{
		route: 'PUT /applications/:applicationId/commands',
		title: 'bulk-overwrites global commands',
		status: 200,
		request: (kit) => ({
			method: 'PUT',
			path: `${app(kit)}/commands`,
			body: [
				{
					name: 'ask',
					description: 'Ask a character',
					type: 1,
					options: [{ type: 3, name: 'question', description: 'What to ask', required: true, max_length: 500 }],
					contexts: [0, 1],
					integration_types: [0],
				},
			],
		}),
		verify: (body) => expect(field(body, 0, 'name')).toBe('ask'),
	},
	{
		route: 'GET /applications/:applicationId/commands',
		title: 'lists global commands',
		status: 200,
		request: (kit) => ({ method: 'GET', path: `${app(kit)}/commands` }),
	},
	{
		route: 'GET /applications/:applicationId/commands/:commandId',
		title: 'one global command',
		status: 200,
		request: async (kit) => {
			const [command] = (await kit.setup({
				method: 'PUT',
				path: `${app(kit)}/commands`,
				body: [{ name: 'ask', description: 'Ask a character' }],
			})) as unknown as {
				id: string;
			}[];
			return { method: 'GET', path: `${app(kit)}/commands/${command?.id}` };
		},
	},
	{
		route: 'DELETE /applications/:applicationId/commands/:commandId',
		title: 'deletes a global command',
		status: 204,
		request: async (kit) => {
			const [command] = (await kit.setup({
				method: 'PUT',
				path: `${app(kit)}/commands`,
				body: [{ name: 'gone', description: 'To be deleted' }],
			})) as unknown as {
				id: string;
			}[];
			return { method: 'DELETE', path: `${app(kit)}/commands/${command?.id}` };
		},
	},
	{
		route: 'GET /applications/:applicationId/commands/:commandId',
		title: 'an unknown command (10063)',
		status: 404,
		request: (kit) => ({ method: 'GET', path: `${app(kit)}/commands/1` }),
	},
	{
		route: 'PUT /applications/:applicationId/guilds/:guildId/commands',
		title: 'bulk-overwrites guild commands',
		status: 200,
		request: (kit) => ({
			method: 'PUT',
			path: guildCommands(kit),
			body: [
				{ name: 'ping', description: 'Checks the bot is alive', type: 1 },
				{ name: 'Summarize', type: 3, default_member_permissions: '32' },
			],
		}),
	},
	{
		route: 'GET /applications/:applicationId/guilds/:guildId/commands',
		title: 'lists guild commands',
		status: 200,
		request: (kit) => ({ method: 'GET', path: guildCommands(kit) }),
	},
	{
		route: 'GET /applications/:applicationId/guilds/:guildId/commands/:commandId',
		title: 'one guild command',
		status: 200,
		request: async (kit) => {
			const [command] = (await kit.setup({
				method: 'PUT',
				path: guildCommands(kit),
				body: [{ name: 'ping', description: 'Checks the bot is alive' }],
			})) as unknown as {
				id: string;
			}[];
			return { method: 'GET', path: `${guildCommands(kit)}/${command?.id}` };
		},
	},
	{
		route: 'DELETE /applications/:applicationId/guilds/:guildId/commands/:commandId',
		title: 'deletes a guild command',
		status: 204,
		request: async (kit) => {
			const [command] = (await kit.setup({ method: 'PUT', path: guildCommands(kit), body: [{ name: 'gone', description: 'To be deleted' }] })) as unknown as {
				id: string;
			}[];
			return { method: 'DELETE', path: `${guildCommands(kit)}/${command?.id}` };
		},
	},

	// --- messageRoutes: send, list, get, edit, delete, typing
	{
		route: 'POST /channels/:channelId/messages',
		title: 'sends text',
		status: 200,
		request: (kit) => ({
			method: 'POST',
			path: `/channels/${general(kit)}/messages`,
			body: { content: `hello <@${alice(kit)}>`, nonce: '1234', enforce_nonce: true },
		}),
		verify: (body, kit) => expect(field(body, 'mentions', 0, 'id')).toBe(alice(kit)),
	},
	{
		route: 'POST /channels/:channelId/messages',
		title: 'sends an embed: type "rich"',
		status: 200,
		request: (kit) => ({ method: 'POST', path: `/channels/${general(kit)}/messages`, body: { embeds: [richEmbed] } }),
		verify: (body) => expect(field(body, 'embeds', 0, 'type')).toBe('rich'),
	},
	{
		route: 'POST /channels/:channelId/messages',
		title: 'replies with allowed_mentions',
		status: 200,
		request: async (kit) => {
			const target = kit.emulator.control.postMessage({ channelId: general(kit), authorId: alice(kit), content: 'hi bot' });
			return {
				method: 'POST',
				path: `/channels/${general(kit)}/messages`,
				body: {
					content: 'hi alice',
					message_reference: { message_id: target.id, fail_if_not_exists: false },
					allowed_mentions: { parse: [], replied_user: true },
				},
			};
		},
		verify: (body) => expect(field(body, 'referenced_message', 'content')).toBe('hi bot'),
	},
	{
		route: 'POST /channels/:channelId/messages',
		title: 'uploads a file (multipart)',
		status: 200,
		request: (kit) => ({
			method: 'POST',
			path: `/channels/${general(kit)}/messages`,
			body: { content: 'the log', attachments: [{ id: '0', filename: 'log.txt' }] },
			files: [{ name: 'log.txt', content: 'line one\nline two\n', contentType: 'text/plain' }],
		}),
		verify: (body) => expect(field(body, 'attachments', 0, 'filename')).toBe('log.txt'),
	},
	{
		route: 'POST /channels/:channelId/messages',
		title: 'sends a button and a select menu',
		status: 200,
		request: (kit) => ({ method: 'POST', path: `/channels/${general(kit)}/messages`, body: { content: 'again?', components: kitComponents } }),
		verify: (body) => expect(field(body, 'components', 0, 'components', 0, 'custom_id')).toBe('again'),
	},
	{
		route: 'POST /channels/:channelId/messages',
		title: 'too long (50035)',
		status: 400,
		request: (kit) => ({ method: 'POST', path: `/channels/${general(kit)}/messages`, body: { content: 'x'.repeat(2001) } }),
	},
	{
		route: 'POST /channels/:channelId/messages',
		title: 'to an unknown channel (10003)',
		status: 404,
		request: () => ({ method: 'POST', path: '/channels/1/messages', body: { content: 'lost' } }),
	},
	{
		route: 'GET /channels/:channelId/messages',
		title: 'lists recent messages',
		status: 200,
		request: async (kit) => {
			await kit.botMessage();
			return { method: 'GET', path: `/channels/${general(kit)}/messages`, query: { limit: '5' } };
		},
	},
	{
		route: 'GET /channels/:channelId/messages/:messageId',
		title: 'one message with an embed',
		status: 200,
		request: async (kit) => ({
			method: 'GET',
			path: `/channels/${general(kit)}/messages/${await kit.botMessage({ content: 'see below', embeds: [richEmbed] })}`,
		}),
		verify: (body) => expect(field(body, 'embeds', 0, 'type')).toBe('rich'),
	},
	{
		route: 'PATCH /channels/:channelId/messages/:messageId',
		title: 'edits content and embeds',
		status: 200,
		request: async (kit) => ({
			method: 'PATCH',
			path: `/channels/${general(kit)}/messages/${await kit.botMessage()}`,
			body: { content: 'edited', embeds: [{ description: 'now with an embed' }] },
		}),
		verify: (body) => {
			expect(field(body, 'edited_timestamp')).toEqual(expect.any(String));
			expect(field(body, 'embeds', 0, 'type')).toBe('rich');
		},
	},
	{
		route: 'DELETE /channels/:channelId/messages/:messageId',
		title: 'deletes the bot message',
		status: 204,
		request: async (kit) => ({ method: 'DELETE', path: `/channels/${general(kit)}/messages/${await kit.botMessage()}` }),
	},
	{
		route: 'POST /channels/:channelId/typing',
		title: 'starts typing',
		status: 204,
		request: (kit) => ({ method: 'POST', path: `/channels/${general(kit)}/typing` }),
	},

	// --- reactionRoutes: the bot's own reactions, others' reactions, who reacted, clearing
	{
		route: 'PUT /channels/:channelId/messages/:messageId/reactions/:emoji/@me',
		title: 'reacts with a unicode emoji',
		status: 204,
		request: async (kit) => ({ method: 'PUT', path: `${reactions(kit, await kit.botMessage())}/${thumbsUp}/@me` }),
	},
	{
		route: 'PUT /channels/:channelId/messages/:messageId/reactions/:emoji/@me',
		title: 'an unknown emoji (10014)',
		status: 400,
		request: async (kit) => ({ method: 'PUT', path: `${reactions(kit, await kit.botMessage())}/not-an-emoji/@me` }),
	},
	{
		route: 'GET /channels/:channelId/messages/:messageId/reactions/:emoji',
		title: 'lists who reacted',
		status: 200,
		request: async (kit) => ({ method: 'GET', path: `${await reactedMessage(kit)}/${thumbsUp}`, query: { limit: '10', type: '0' } }),
		verify: (body, kit) => expect(field(body, 0, 'id')).toBe(kit.emulator.botUser.id),
	},
	{
		route: 'DELETE /channels/:channelId/messages/:messageId/reactions/:emoji/@me',
		title: 'takes its reaction back',
		status: 204,
		request: async (kit) => ({ method: 'DELETE', path: `${await reactedMessage(kit)}/${thumbsUp}/@me` }),
	},
	{
		route: 'DELETE /channels/:channelId/messages/:messageId/reactions/:emoji/:userId',
		title: "removes a user's reaction",
		status: 204,
		request: async (kit) => ({ method: 'DELETE', path: `${await reactedMessage(kit)}/${thumbsUp}/${kit.emulator.botUser.id}` }),
	},
	{
		route: 'DELETE /channels/:channelId/messages/:messageId/reactions/:emoji',
		title: "clears one emoji's reactions",
		status: 204,
		request: async (kit) => ({ method: 'DELETE', path: `${await reactedMessage(kit)}/${thumbsUp}` }),
	},
	{
		route: 'DELETE /channels/:channelId/messages/:messageId/reactions',
		title: 'clears all reactions',
		status: 204,
		request: async (kit) => ({ method: 'DELETE', path: await reactedMessage(kit) }),
	},
	{
		route: 'PUT /channels/:channelId/messages/:messageId/reactions/:emoji/@me',
		title: 'reacts with a custom emoji (name:id)',
		status: 204,
		request: async (kit) => ({ method: 'PUT', path: `${reactions(kit, await kit.botMessage())}/${encodeURIComponent('peter:112233445566778899')}/@me` }),
	},
	{
		route: 'GET /channels/:channelId/messages/:messageId/reactions/:emoji',
		title: 'after the last reactor: empty',
		status: 200,
		request: async (kit) => ({ method: 'GET', path: `${await reactedMessage(kit)}/${thumbsUp}`, query: { after: kit.emulator.botUser.id } }),
		verify: (body) => expect(body).toEqual([]),
	},
	{
		route: 'GET /channels/:channelId/messages/:messageId',
		title: 'a message with reactions',
		status: 200,
		request: async (kit) => {
			const path = await reactedMessage(kit);
			return { method: 'GET', path: path.slice(0, -'/reactions'.length) };
		},
		verify: (body) => expect(field(body, 'reactions', 0)).toMatchObject({ count: 1, me: true, emoji: { id: null, name: '👍' } }),
	},
	{
		route: 'POST /channels/:channelId/messages',
		title: 'sends a link button and a string select menu',
		status: 200,
		request: (kit) => ({
			method: 'POST',
			path: `/channels/${general(kit)}/messages`,
			body: {
				content: 'pick one',
				components: [
					{ type: 1, components: [{ type: 2, style: 5, label: 'Docs', url: 'https://example.org/docs' }] },
					{ type: 1, components: [{ type: 3, custom_id: 'who', options: [{ label: 'Peter', value: 'peter', emoji: { name: '🍺' } }] }] },
				],
			},
		}),
		verify: (body) => expect(field(body, 'components', 1, 'components', 0)).toMatchObject({ id: 4, min_values: 1, max_values: 1 }),
	},
	{
		route: 'POST /channels/:channelId/messages',
		title: 'duplicate custom_ids (50035)',
		status: 400,
		request: (kit) => ({
			method: 'POST',
			path: `/channels/${general(kit)}/messages`,
			body: {
				components: [
					{
						type: 1,
						components: [
							{ type: 2, style: 1, label: 'a', custom_id: 'same' },
							{ type: 2, style: 2, label: 'b', custom_id: 'same' },
						],
					},
				],
			},
		}),
		verify: (body) => expect(field(body, 'errors', 'components', 0, 'components', 1, 'custom_id', '_errors', 0, 'code')).toBe('COMPONENT_CUSTOM_ID_DUPLICATED'),
	},

	// --- webhookRoutes: create, list, get, modify, delete
	{
		route: 'POST /channels/:channelId/webhooks',
		title: 'creates a webhook',
		status: 200,
		request: (kit) => ({ method: 'POST', path: `/channels/${general(kit)}/webhooks`, body: { name: 'Quahog Voices' } }),
		verify: (body) => expect(field(body, 'token')).toEqual(expect.any(String)),
	},
	{
		route: 'POST /channels/:channelId/webhooks',
		title: 'named "clyde" (50035)',
		status: 400,
		request: (kit) => ({ method: 'POST', path: `/channels/${general(kit)}/webhooks`, body: { name: 'clyde' } }),
	},
	{
		route: 'GET /channels/:channelId/webhooks',
		title: "lists a channel's webhooks",
		status: 200,
		request: async (kit) => {
			await kit.webhook();
			return { method: 'GET', path: `/channels/${general(kit)}/webhooks` };
		},
	},
	{
		route: 'GET /guilds/:guildId/webhooks',
		title: "lists a guild's webhooks",
		status: 200,
		request: async (kit) => {
			await kit.webhook();
			return { method: 'GET', path: `/guilds/${kit.world.guildId}/webhooks` };
		},
	},
	{
		route: 'GET /webhooks/:webhookId',
		title: 'one webhook',
		status: 200,
		request: async (kit) => ({ method: 'GET', path: `/webhooks/${(await kit.webhook()).id}` }),
	},
	{
		route: 'PATCH /webhooks/:webhookId',
		title: 'renames a webhook',
		status: 200,
		request: async (kit) => ({ method: 'PATCH', path: `/webhooks/${(await kit.webhook()).id}`, body: { name: 'Renamed Hook' } }),
	},
	{
		route: 'DELETE /webhooks/:webhookId',
		title: 'deletes a webhook',
		status: 204,
		request: async (kit) => ({ method: 'DELETE', path: `/webhooks/${(await kit.webhook()).id}` }),
	},
	{
		route: 'GET /webhooks/:webhookId/:token',
		title: 'one webhook by token',
		status: 200,
		request: async (kit) => {
			const hook = await kit.webhook();
			return { method: 'GET', path: `/webhooks/${hook.id}/${hook.token}`, auth: false };
		},
	},
	{
		route: 'GET /webhooks/:webhookId/:token',
		title: 'a wrong token (50027)',
		status: 401,
		request: async (kit) => ({ method: 'GET', path: `/webhooks/${(await kit.webhook()).id}/not-the-token`, auth: false }),
	},
	{
		route: 'PATCH /webhooks/:webhookId/:token',
		title: 'renames a webhook by token',
		status: 200,
		request: async (kit) => {
			const hook = await kit.webhook();
			return { method: 'PATCH', path: `/webhooks/${hook.id}/${hook.token}`, auth: false, body: { name: 'Token Renamed' } };
		},
	},
	{
		route: 'DELETE /webhooks/:webhookId/:token',
		title: 'deletes a webhook by token',
		status: 204,
		request: async (kit) => {
			const hook = await kit.webhook();
			return { method: 'DELETE', path: `/webhooks/${hook.id}/${hook.token}`, auth: false };
		},
	},

	// --- tokenMessageRoutes: executing webhooks and interaction follow-ups, their messages
	{
		route: 'POST /webhooks/:webhookId/:token',
		title: 'executes with username, avatar_url and an embed (wait=true)',
		status: 200,
		request: async (kit) => {
			const hook = await kit.webhook();
			return {
				method: 'POST',
				path: `/webhooks/${hook.id}/${hook.token}`,
				query: { wait: 'true' },
				auth: false,
				body: { content: 'Hehehe', username: 'Peter Griffin', avatar_url: avatarUrl, embeds: [richEmbed] },
			};
		},
		verify: (body, kit) => {
			expect(field(body, 'author', 'username')).toBe('Peter Griffin');
			expect(field(body, 'author', 'avatar')).toMatch(/^[0-9a-f]{32}$/);
			expect(field(body, 'embeds', 0, 'type')).toBe('rich');
			const shown = kit.emulator.control.transcript(general(kit)).find((message) => message.id === field(body, 'id'));
			expect(shown?.author.avatarUrl).toBe(avatarUrl);
		},
	},
	{
		route: 'POST /webhooks/:webhookId/:token',
		title: 'executes without wait',
		status: 204,
		request: async (kit) => {
			const hook = await kit.webhook();
			return { method: 'POST', path: `/webhooks/${hook.id}/${hook.token}`, auth: false, body: { content: 'fire and forget' } };
		},
	},
	{
		route: 'POST /webhooks/:webhookId/:token',
		title: 'an interaction follow-up',
		status: 200,
		request: async (kit) => ({
			method: 'POST',
			path: `/webhooks/${kit.emulator.applicationId}/${(await kit.answeredInteraction()).token}`,
			auth: false,
			body: { content: 'and one more thing', flags: 64 },
		}),
		verify: (body) => expect(field(body, 'flags')).toBe(64),
	},
	{
		route: 'GET /webhooks/:webhookId/:token/messages/:messageId',
		title: 'a webhook message',
		status: 200,
		request: async (kit) => {
			const posted = await kit.webhookMessage();
			return { method: 'GET', path: `/webhooks/${posted.id}/${posted.token}/messages/${posted.messageId}`, auth: false };
		},
	},
	{
		route: 'GET /webhooks/:webhookId/:token/messages/:messageId',
		title: 'the @original interaction response',
		status: 200,
		request: async (kit) => ({
			method: 'GET',
			path: `/webhooks/${kit.emulator.applicationId}/${(await kit.answeredInteraction()).token}/messages/@original`,
			auth: false,
		}),
		verify: (body) => expect(field(body, 'content')).toBe('pong'),
	},
	{
		route: 'PATCH /webhooks/:webhookId/:token/messages/:messageId',
		title: 'edits @original with an embed',
		status: 200,
		request: async (kit) => ({
			method: 'PATCH',
			path: `/webhooks/${kit.emulator.applicationId}/${(await kit.answeredInteraction()).token}/messages/@original`,
			auth: false,
			body: { content: 'pong, edited', embeds: [richEmbed] },
		}),
		verify: (body) => expect(field(body, 'embeds', 0, 'type')).toBe('rich'),
	},
	{
		route: 'PATCH /webhooks/:webhookId/:token/messages/:messageId',
		title: 'edits a webhook message',
		status: 200,
		request: async (kit) => {
			const posted = await kit.webhookMessage();
			return { method: 'PATCH', path: `/webhooks/${posted.id}/${posted.token}/messages/${posted.messageId}`, auth: false, body: { content: 'changed' } };
		},
	},
	{
		route: 'DELETE /webhooks/:webhookId/:token/messages/:messageId',
		title: 'deletes @original',
		status: 204,
		request: async (kit) => ({
			method: 'DELETE',
			path: `/webhooks/${kit.emulator.applicationId}/${(await kit.answeredInteraction()).token}/messages/@original`,
			auth: false,
		}),
	},

	// --- interactionRoutes: the interaction callback
	{
		route: 'POST /interactions/:interactionId/:token/callback',
		title: 'replies (type 4)',
		status: 204,
		request: async (kit) => {
			const received = await kit.interaction();
			return {
				method: 'POST',
				path: `/interactions/${received.id}/${received.token}/callback`,
				auth: false,
				body: { type: 4, data: { content: 'pong', embeds: [richEmbed] } },
			};
		},
	},
	{
		route: 'POST /interactions/:interactionId/:token/callback',
		title: 'replies with with_response=true: the message is the resource',
		status: 200,
		request: async (kit) => {
			const received = await kit.interaction();
			return {
				method: 'POST',
				path: `/interactions/${received.id}/${received.token}/callback`,
				query: { with_response: 'true' },
				auth: false,
				body: { type: 4, data: { content: 'pong', flags: 64 } },
			};
		},
		verify: (body) => {
			expect(field(body, 'resource', 'type')).toBe(4);
			expect(field(body, 'resource', 'message', 'content')).toBe('pong');
			expect(field(body, 'interaction', 'response_message_ephemeral')).toBe(true);
		},
	},
	{
		route: 'POST /interactions/:interactionId/:token/callback',
		title: 'defers (type 5) with with_response=true: no resource message',
		status: 200,
		request: async (kit) => {
			const received = await kit.interaction();
			return {
				method: 'POST',
				path: `/interactions/${received.id}/${received.token}/callback`,
				query: { with_response: 'true' },
				auth: false,
				body: { type: 5 },
			};
		},
		verify: (body) => {
			expect(field(body, 'resource', 'message')).toBeUndefined();
			expect(field(body, 'interaction', 'response_message_loading')).toBe(true);
		},
	},
	{
		route: 'POST /interactions/:interactionId/:token/callback',
		title: 'a button click acknowledged (type 6)',
		status: 204,
		request: async (kit) => {
			const received = await kit.componentInteraction();
			return { method: 'POST', path: `/interactions/${received.id}/${received.token}/callback`, auth: false, body: { type: 6 } };
		},
	},
	{
		route: 'POST /interactions/:interactionId/:token/callback',
		title: 'a button click updating its message (type 7) with with_response=true',
		status: 200,
		request: async (kit) => {
			const received = await kit.componentInteraction();
			return {
				method: 'POST',
				path: `/interactions/${received.id}/${received.token}/callback`,
				query: { with_response: 'true' },
				auth: false,
				body: { type: 7, data: { content: 'regenerated', components: [] } },
			};
		},
		verify: (body) => {
			expect(field(body, 'resource', 'type')).toBe(7);
			expect(field(body, 'resource', 'message', 'content')).toBe('regenerated');
		},
	},
	{
		route: 'POST /interactions/:interactionId/:token/callback',
		title: 'answered twice (40060)',
		status: 400,
		request: async (kit) => {
			const received = await kit.answeredInteraction();
			return { method: 'POST', path: `/interactions/${received.id}/${received.token}/callback`, auth: false, body: { type: 4, data: { content: 'again' } } };
		},
	},

	// --- guildRoutes: guild, channels, roles, members, channel
	{
		route: 'GET /guilds/:guildId',
		title: 'the guild with counts',
		status: 200,
		request: (kit) => ({ method: 'GET', path: `/guilds/${kit.world.guildId}`, query: { with_counts: 'true' } }),
		verify: (body) => expect(field(body, 'approximate_member_count')).toEqual(expect.any(Number)),
	},
	{ route: 'GET /guilds/:guildId', title: 'an unknown guild (10004)', status: 404, request: () => ({ method: 'GET', path: '/guilds/1' }) },
	{
		route: 'GET /guilds/:guildId/channels',
		title: "the guild's channels",
		status: 200,
		request: (kit) => ({ method: 'GET', path: `/guilds/${kit.world.guildId}/channels` }),
	},
	{
		route: 'GET /guilds/:guildId/roles',
		title: "the guild's roles",
		status: 200,
		request: (kit) => ({ method: 'GET', path: `/guilds/${kit.world.guildId}/roles` }),
	},
	{
		route: 'GET /guilds/:guildId/members',
		title: 'lists members',
		status: 200,
		request: (kit) => ({ method: 'GET', path: `/guilds/${kit.world.guildId}/members`, query: { limit: '10', after: '0' } }),
	},
	{
		route: 'GET /guilds/:guildId/members/:userId',
		title: 'one member',
		status: 200,
		request: (kit) => ({ method: 'GET', path: `/guilds/${kit.world.guildId}/members/${alice(kit)}` }),
	},
	{ route: 'GET /channels/:channelId', title: 'a guild text channel', status: 200, request: (kit) => ({ method: 'GET', path: `/channels/${general(kit)}` }) },
	{ route: 'GET /channels/:channelId', title: 'a DM channel', status: 200, request: (kit) => ({ method: 'GET', path: `/channels/${kit.world.dmChannelId}` }) },
];
