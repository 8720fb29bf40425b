import { mkdirSync, writeFileSync } from 'node:fs';
import { type DiscordEmulator, GatewayIntents, startDiscordEmulator } from '@charbot/discord-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConformanceKit, createConformanceKit } from './ConformanceKit.js';
import { DiscordSpec } from './DiscordSpec.js';
import { RawGateway } from './RawGateway.js';

// The spec describes REST only, so each dispatch is checked against the REST schema of the object it carries: what a bot
// reads from MESSAGE_CREATE must be what it would read from GET /channels/{id}/messages/{id}. Gateway-only fields
// (guild_id, member, channel_type on messages; joined_at, members, channels on guilds) are extra properties the schemas allow.

const artifacts = new URL('../../../test-artifacts/', import.meta.url);
const intents =
	GatewayIntents.Guilds |
	GatewayIntents.GuildMembers |
	GatewayIntents.GuildPresences |
	GatewayIntents.GuildMessages |
	GatewayIntents.DirectMessages |
	GatewayIntents.MessageContent;

describe("the emulator's gateway dispatches carry the spec's REST objects", () => {
	const spec = DiscordSpec.load();
	const checked: { dispatch: string; schema: string; problems: readonly string[] }[] = [];
	let emulator: DiscordEmulator;
	let gateway: RawGateway;
	let kit: ConformanceKit;

	/** Validates one object of a dispatch and records it for the report. */
	const check = (dispatch: string, schema: string, value: unknown) => {
		const verdict = spec.checkSchema(schema, value);
		checked.push({ dispatch, schema, problems: verdict.problems });
		expect(verdict.problems, `${dispatch} against ${schema}`).toEqual([]);
	};

	beforeAll(async () => {
		emulator = await startDiscordEmulator({ interactionCallbackTimeoutMs: 30_000 });
		gateway = await RawGateway.connect(emulator.gatewayUrl, emulator.token, intents);
		kit = createConformanceKit(emulator, gateway);
	});

	afterAll(async () => {
		gateway?.close();
		await emulator?.close();
		mkdirSync(artifacts, { recursive: true });
		const report = {
			spec: spec.title,
			objects: { checked: checked.length, conforming: checked.filter((entry) => entry.problems.length === 0).length },
			dispatches: [...new Set(checked.map((entry) => entry.dispatch))],
			nonConforming: checked.filter((entry) => entry.problems.length > 0),
		};
		writeFileSync(new URL('discord-emulator-conformance-gateway.json', artifacts), `${JSON.stringify(report, null, '\t')}\n`);
	});

	it("READY's user is a user object", async () => {
		const ready = await gateway.dispatch('READY');
		check('READY', 'UserResponse', ready.user);
	});

	it('GUILD_CREATE is a guild object whose roles, members and channels are the REST objects', async () => {
		const guild = await gateway.dispatch('GUILD_CREATE', (data) => data.id === kit.world.guildId);
		check('GUILD_CREATE', 'GuildResponse', guild);
		const members = guild.members as unknown[];
		const channels = guild.channels as unknown[];
		expect(members.length, 'every member, as the presences intent asks for a small guild').toBe(emulator.control.members(kit.world.guildId).length);
		for (const member of members) check('GUILD_CREATE', 'GuildMemberResponse', member);
		for (const channel of channels) check('GUILD_CREATE', 'GuildChannelResponse', channel);
	});

	it("MESSAGE_CREATE of a member's message is a message object, with the author's member", async () => {
		const since = gateway.frames.length;
		const posted = kit.emulator.control.postMessage({
			channelId: kit.world.channels.general ?? '',
			authorId: kit.world.users.alice ?? '',
			content: `hey <@${kit.world.users.bob}>`,
		});
		const message = await gateway.dispatch('MESSAGE_CREATE', (data) => data.id === posted.id, since);
		check('MESSAGE_CREATE', 'MessageResponse', message);
		expect(message.member).toEqual(expect.objectContaining({ roles: expect.any(Array) }));
		check('MESSAGE_CREATE', 'UserResponse', message.author);
	});

	it('MESSAGE_CREATE of a bot embed carries type "rich", and MESSAGE_UPDATE after an edit is a whole message object', async () => {
		const since = gateway.frames.length;
		const id = await kit.botMessage({ content: 'report', embeds: [{ title: 'Kitchen', fields: [{ name: 'Pots', value: '3' }] }] });
		const created = await gateway.dispatch('MESSAGE_CREATE', (data) => data.id === id, since);
		check('MESSAGE_CREATE', 'MessageResponse', created);
		expect((created.embeds as { type?: string }[])[0]?.type).toBe('rich');

		await kit.setup({
			method: 'PATCH',
			path: `/channels/${kit.world.channels.general}/messages/${id}`,
			body: { content: 'report, edited', embeds: [{ description: 'fresh' }] },
		});
		const updated = await gateway.dispatch('MESSAGE_UPDATE', (data) => data.id === id, since);
		check('MESSAGE_UPDATE', 'MessageResponse', updated);
		expect(updated.content).toBe('report, edited');
		expect((updated.embeds as { type?: string }[])[0]?.type).toBe('rich');
	});

	it('MESSAGE_CREATE of a webhook message with avatar_url carries the avatar as a hash', async () => {
		const hook = await kit.webhook();
		const since = gateway.frames.length;
		const sent = await kit.setup({
			method: 'POST',
			path: `/webhooks/${hook.id}/${hook.token}`,
			query: { wait: 'true' },
			body: { content: 'Hehehe', username: 'Peter Griffin', avatar_url: 'https://example.com/peter.png' },
		});
		const created = await gateway.dispatch('MESSAGE_CREATE', (data) => data.id === sent.id, since);
		check('MESSAGE_CREATE', 'MessageResponse', created);
		expect((created.author as { avatar?: unknown }).avatar).toBe((sent.author as { avatar?: unknown }).avatar);
		expect((created.author as { avatar?: unknown }).avatar).toMatch(/^[0-9a-f]{32}$/);
	});

	it('MESSAGE_CREATE of a message with components, and MESSAGE_UPDATE after a click updates it (type 7), are message objects', async () => {
		const since = gateway.frames.length;
		const received = await kit.componentInteraction();
		const created = await gateway.dispatch('MESSAGE_CREATE', (data) => Array.isArray(data.components) && data.components.length > 0, since);
		check('MESSAGE_CREATE', 'MessageResponse', created);
		await kit.setup({ method: 'POST', path: `/interactions/${received.id}/${received.token}/callback`, body: { type: 7, data: { content: 'regenerated' } } });
		const updated = await gateway.dispatch('MESSAGE_UPDATE', (data) => data.content === 'regenerated', since);
		check('MESSAGE_UPDATE', 'MessageResponse', updated);
	});

	it('MESSAGE_CREATE of an interaction response and a DM are message objects', async () => {
		const since = gateway.frames.length;
		const received = await kit.answeredInteraction();
		const response = await gateway.dispatch('MESSAGE_CREATE', (data) => (data.interaction_metadata as { id?: string } | undefined)?.id === received.id, since);
		check('MESSAGE_CREATE', 'MessageResponse', response);

		const dm = kit.emulator.control.postMessage({ channelId: kit.world.dmChannelId, authorId: kit.world.users.alice ?? '', content: 'psst' });
		check('MESSAGE_CREATE', 'MessageResponse', await gateway.dispatch('MESSAGE_CREATE', (data) => data.id === dm.id, since));
	});
});
