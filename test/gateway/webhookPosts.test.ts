import { type TextChannel, WebhookClient } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayFixture, startGatewayFixture } from './gatewayFixture.js';

describe('webhook posts reaching the gateway', () => {
	let fx: GatewayFixture;
	let ours: WebhookClient;

	beforeAll(async () => {
		fx = await startGatewayFixture();
		const channelId = fx.emulator.seed?.channels['bot-lab'] ?? '';
		const channel = (await fx.app.client.channels.fetch(channelId)) as TextChannel;
		const webhook = await channel.createWebhook({ name: 'charbot' });
		// What delivery caches once it has created the channel's webhook.
		await fx.redis.set(fx.keyspace.channelWebhook(fx.guildId, channelId), webhook.id);
		ours = new WebhookClient({ id: webhook.id, token: webhook.token ?? '' }, { rest: { api: fx.emulator.apiUrl } });
	});

	afterAll(async () => {
		ours?.destroy();
		await fx?.close();
	});

	it('ignores a character post, even one naming another character: delivery starts banter as it posts, nobody waits for the echo', async () => {
		const message = await ours.send({ content: 'Brian, fetch my ray gun. Now.', username: 'Stewie Griffin', allowedMentions: { parse: [] } });
		await fx.owners.remember(fx.guildId, message.id, { characterId: 'stewie', cascadeDepth: 0 });
		expect(await fx.outcomeOf(message.id)).toEqual({ kind: 'ignored', messageId: message.id, reason: 'webhook' });
		expect(await fx.routeJobsFor(message.id)).toEqual([]);
	});
});
