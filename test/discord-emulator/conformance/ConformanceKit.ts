import type { DiscordEmulator, SeededWorld } from '@charbot/discord-emulator';
import type { RawGateway } from './RawGateway.js';

/** A file of a multipart request. */
export interface CaseFile {
	readonly name: string;
	readonly content: string;
	readonly contentType: string;
}

/** A request a route case sends; `path` is below `/api/v10`, without the query. */
export interface CaseRequest {
	readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	readonly path: string;
	readonly query?: Readonly<Record<string, string>>;
	/** JSON body, or `payload_json` when `files` are given. */
	readonly body?: unknown;
	readonly files?: readonly CaseFile[];
	/** Send `Authorization: Bot <token>` (default true). */
	readonly auth?: boolean;
}

/** What came back: the status and the parsed JSON body (undefined when empty). */
export interface CaseReply {
	readonly status: number;
	readonly body: unknown;
}

/** An incoming webhook as its creator sees it. */
export interface KitWebhook {
	readonly id: string;
	readonly token: string;
}

/** An interaction the bot received over the gateway. */
export interface KitInteraction {
	readonly id: string;
	readonly token: string;
}

/** What route cases use to set up what they need: the emulator, its seeded world, a bot gateway session and REST shortcuts. */
export interface ConformanceKit {
	readonly emulator: DiscordEmulator;
	readonly world: SeededWorld;
	readonly gateway: RawGateway;
	/** Sends a request (setup calls are not validated; the case's own request is). */
	send(request: CaseRequest): Promise<CaseReply>;
	/** Like {@link send}, but fails unless the status is 2xx; returns the body. */
	setup(request: CaseRequest): Promise<Record<string, unknown>>;
	/** A message the bot posted in #general; returns its id. */
	botMessage(body?: Record<string, unknown>): Promise<string>;
	/** A fresh webhook in #general, made by the bot. */
	webhook(): Promise<KitWebhook>;
	/** A message posted through a fresh webhook; returns the webhook and the message id. */
	webhookMessage(): Promise<KitWebhook & { readonly messageId: string }>;
	/** A `/ping` command (guild-registered, re-registered if a case replaced it) run by alice in #general, not yet answered. */
	interaction(): Promise<KitInteraction>;
	/** An interaction the bot already answered with type 4 (so `@original` exists). */
	answeredInteraction(): Promise<KitInteraction>;
	/** Alice clicking the button `again` on a fresh bot message in #general, not yet answered. */
	componentInteraction(): Promise<KitInteraction>;
}

/** The action row of {@link ConformanceKit.componentInteraction}'s message: a button and a select menu. */
export const kitComponents = [
	{ type: 1, components: [{ type: 2, style: 1, custom_id: 'again', label: 'Regenerate' }] },
	{
		type: 1,
		components: [
			{
				type: 3,
				custom_id: 'mood',
				placeholder: 'Pick a mood',
				options: [
					{ label: 'Cheerful', value: 'cheerful' },
					{ label: 'Grumpy', value: 'grumpy' },
				],
			},
		],
	},
];

/** Builds the kit around a running emulator and a bot session on its gateway. */
export function createConformanceKit(emulator: DiscordEmulator, gateway: RawGateway): ConformanceKit {
	const world = emulator.seed;
	if (!world) throw new Error('the conformance kit needs the seeded world; start the emulator with seed: true');
	const general = world.channels.general ?? '';

	const send = async (request: CaseRequest): Promise<CaseReply> => {
		const url = new URL(`${emulator.apiUrl}/v10${request.path}`);
		for (const [key, value] of Object.entries(request.query ?? {})) url.searchParams.set(key, value);
		const headers: Record<string, string> = request.auth === false ? {} : { authorization: `Bot ${emulator.token}` };
		let body: string | FormData | undefined;
		if (request.files && request.files.length > 0) {
			const form = new FormData();
			form.set('payload_json', JSON.stringify(request.body ?? {}));
			request.files.forEach((file, index) => form.set(`files[${index}]`, new Blob([file.content], { type: file.contentType }), file.name));
			body = form;
		} else if (request.body !== undefined) {
			body = JSON.stringify(request.body);
			headers['content-type'] = 'application/json';
		}
		const response = await fetch(url, { method: request.method, headers, ...(body === undefined ? {} : { body }) });
		const text = await response.text();
		return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
	};

	const setup = async (request: CaseRequest): Promise<Record<string, unknown>> => {
		const reply = await send(request);
		if (reply.status < 200 || reply.status > 299)
			throw new Error(`setup ${request.method} ${request.path} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
		return (reply.body ?? {}) as Record<string, unknown>;
	};

	const webhook = async (): Promise<KitWebhook> => {
		const created = await setup({ method: 'POST', path: `/channels/${general}/webhooks`, body: { name: 'Kit Hook' } });
		return { id: String(created.id), token: String(created.token) };
	};

	const interaction = async (): Promise<KitInteraction> => {
		if (!emulator.control.commands(world.guildId).some((command) => command.name === 'ping')) {
			await setup({
				method: 'PUT',
				path: `/applications/${emulator.applicationId}/guilds/${world.guildId}/commands`,
				body: [{ name: 'ping', description: 'Checks the bot is alive', type: 1 }],
			});
		}
		const since = gateway.frames.length;
		const view = emulator.control.invokeCommand({ channelId: general, userId: world.users.alice ?? '', name: 'ping' });
		const created = await gateway.dispatch('INTERACTION_CREATE', (data) => data.id === view.id, since);
		return { id: view.id, token: String(created.token) };
	};

	return {
		emulator,
		world,
		gateway,
		send,
		setup,
		botMessage: async (body = { content: 'a message the bot wrote' }) =>
			String((await setup({ method: 'POST', path: `/channels/${general}/messages`, body })).id),
		webhook,
		webhookMessage: async () => {
			const hook = await webhook();
			const message = await setup({
				method: 'POST',
				path: `/webhooks/${hook.id}/${hook.token}`,
				query: { wait: 'true' },
				body: { content: 'through the hook' },
			});
			return { ...hook, messageId: String(message.id) };
		},
		interaction,
		componentInteraction: async () => {
			const messageId = String(
				(await setup({ method: 'POST', path: `/channels/${general}/messages`, body: { content: 'again?', components: kitComponents } })).id,
			);
			const since = gateway.frames.length;
			const view = emulator.control.clickComponent({ channelId: general, messageId, userId: world.users.alice ?? '', customId: 'again' });
			const created = await gateway.dispatch('INTERACTION_CREATE', (data) => data.id === view.id, since);
			return { id: view.id, token: String(created.token) };
		},
		answeredInteraction: async () => {
			const received = await interaction();
			await setup({ method: 'POST', path: `/interactions/${received.id}/${received.token}/callback`, body: { type: 4, data: { content: 'pong' } } });
			return received;
		},
	};
}
