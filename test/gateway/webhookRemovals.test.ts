import { createLogger, loadConfig } from '@charbot/core';
import { waitFor } from '@charbot/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChannelWebhooks } from '../../apps/delivery/src/delivery/ChannelWebhooks.js';
import { createDiscordRest } from '../../apps/delivery/src/delivery/createDiscordRest.js';
import { type GatewayFixture, startGatewayFixture } from './gatewayFixture.js';

describe('cached channel webhooks when a channel or the guild goes', () => {
	let fx: GatewayFixture;
	let webhooks: ChannelWebhooks;

	beforeAll(async () => {
		fx = await startGatewayFixture();
		const logger = createLogger({ name: 'delivery', level: 'silent', format: 'json' });
		const config = loadConfig({ DISCORD_TOKEN: fx.emulator.token, DISCORD_API_URL: fx.emulator.apiUrl, ALLOW_SIMULATED_PARTS: 'true', NODE_ENV: 'test' });
		// Delivery's own cache, writing the keys the gateway must remove.
		webhooks = new ChannelWebhooks({ rest: createDiscordRest(config, logger), redis: fx.redis, keys: fx.keyspace, logger });
	});
	afterAll(async () => {
		await fx?.close();
	});

	const cachedKeys = (channelId: string) => [fx.keyspace.channelWebhook(fx.guildId, channelId), fx.keyspace.channelWebhookToken(fx.guildId, channelId)];
	const existing = async (keys: string[]) => (keys.length === 0 ? 0 : fx.redis.exists(...keys));

	it('forgets a deleted channel’s webhook id and token, and only that channel’s (CHANNEL_DELETE)', async () => {
		const doomed = await fx.newChannel('doomed');
		const kept = await fx.newChannel('kept');
		await Promise.all([webhooks.get(fx.guildId, doomed), webhooks.get(fx.guildId, kept)]);
		expect(await existing([...cachedKeys(doomed), ...cachedKeys(kept)])).toBe(4);

		fx.emulator.control.deleteChannel(doomed);
		await waitFor(async () => (await existing(cachedKeys(doomed))) === 0, 'the deleted channel’s webhook keys are gone');
		expect(await existing(cachedKeys(kept))).toBe(2);
		expect(await fx.redis.smembers(fx.keyspace.guildWebhookChannels(fx.guildId))).toEqual([kept]);
	});

	it('forgets every channel webhook of a guild the bot was removed from (GUILD_DELETE)', async () => {
		const channels = [await fx.newChannel('one'), await fx.newChannel('two')];
		for (const channelId of channels) await webhooks.get(fx.guildId, channelId);
		const index = fx.keyspace.guildWebhookChannels(fx.guildId);
		const all = (await fx.redis.smembers(index)).flatMap(cachedKeys);
		expect(all.length).toBeGreaterThanOrEqual(4);
		expect(await existing(all)).toBe(all.length);

		fx.emulator.control.removeBotFromGuild(fx.guildId);
		await waitFor(async () => (await existing([...all, index])) === 0, 'the guild’s webhook keys are gone');
		expect(fx.logLines.some((line) => line.includes('left a guild: forgot its channel webhooks'))).toBe(true);
	});
});
