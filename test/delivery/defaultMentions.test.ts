import { createLogger, loadConfig } from '@charbot/core';
import { type DiscordEmulator, startDiscordEmulator } from '@charbot/discord-emulator';
import type { REST } from '@discordjs/rest';
import { Routes } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordRest } from '../../apps/delivery/src/delivery/createDiscordRest.js';

// Discord pings everything a message writes unless its body says otherwise, and @discordjs/rest has no default of its own.
describe("quality control's Discord client", () => {
	let emulator: DiscordEmulator;
	let rest: REST;
	let channelId: string;
	let alice: string;
	let moderators: string;
	let loud: string;

	beforeAll(async () => {
		emulator = await startDiscordEmulator({ heartbeatIntervalMs: 1000 });
		const config = loadConfig({ DISCORD_TOKEN: emulator.token, DISCORD_API_URL: emulator.apiUrl, ALLOW_SIMULATED_PARTS: 'true', NODE_ENV: 'test' });
		rest = createDiscordRest(config, createLogger({ name: 'qc-test', level: 'silent', format: 'json' }));
		channelId = emulator.seed?.channels.general ?? '';
		alice = emulator.seed?.users.alice ?? '';
		moderators = emulator.seed?.roles.moderators ?? '';
		loud = `@everyone @here <@${alice}> <@&${moderators}> read this`;
	});
	afterAll(async () => {
		await emulator?.close();
	});

	const pingsOf = (messageId: string) => emulator.control.transcript(channelId).find((message) => message.id === messageId)?.mentionsPinged;

	it('pings nobody from a bot message whose body does not say whom', async () => {
		const posted = (await rest.post(Routes.channelMessages(channelId), { body: { content: loud } })) as { id: string };
		expect(pingsOf(posted.id)).toEqual({ everyone: false, users: [], roles: [] });
	});

	it('pings nobody from a webhook post or edit whose body does not say whom', async () => {
		const webhook = (await rest.post(Routes.channelWebhooks(channelId), { body: { name: 'charbot' } })) as { id: string; token: string };
		const query = new URLSearchParams({ wait: 'true' });
		const posted = (await rest.post(Routes.webhook(webhook.id, webhook.token), {
			body: { content: 'quiet at first', username: 'Peter' },
			query,
			auth: false,
		})) as {
			id: string;
		};
		await rest.patch(Routes.webhookMessage(webhook.id, webhook.token, posted.id), { body: { content: loud }, auth: false });
		expect(pingsOf(posted.id)).toEqual({ everyone: false, users: [], roles: [] });
		const loudPost = (await rest.post(Routes.webhook(webhook.id, webhook.token), { body: { content: loud, username: 'Peter' }, query, auth: false })) as {
			id: string;
		};
		expect(pingsOf(loudPost.id)).toEqual({ everyone: false, users: [], roles: [] });
	});

	it('keeps the mentions a body allows itself', async () => {
		const body = { content: loud, allowed_mentions: { parse: ['users'] } };
		const posted = (await rest.post(Routes.channelMessages(channelId), { body })) as { id: string };
		expect(pingsOf(posted.id)).toEqual({ everyone: false, users: [alice], roles: [] });
	});
});
