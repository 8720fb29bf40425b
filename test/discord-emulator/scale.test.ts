import { type DiscordEmulator, startDiscordEmulator } from '@charbot/discord-emulator';
import { type Client, GatewayIntentBits, Options } from 'discord.js';
import { afterAll, describe, expect, it } from 'vitest';
import { loginClient } from './loginClient.js';

describe('scale: 1,000 guilds x 50 channels x 100 members', () => {
	let emulator: DiscordEmulator | undefined;
	let client: Client<true> | undefined;

	afterAll(async () => {
		await client?.destroy();
		await emulator?.close();
	});

	it('seeds and loads into a real discord.js client with a GUILD_CREATE per guild', async () => {
		const seedStarted = performance.now();
		emulator = await startDiscordEmulator({ heartbeatIntervalMs: 5000, seed: { guilds: 1000, channelsPerGuild: 50, membersPerGuild: 100 } });
		const seedMs = performance.now() - seedStarted;
		expect(emulator.control.stats()).toMatchObject({ guilds: 1000, channels: 50_000 + 1 });

		const loginStarted = performance.now();
		client = await loginClient(emulator, {
			intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
			makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 10 }),
		});
		const loginMs = performance.now() - loginStarted;
		expect(client.guilds.cache.size).toBe(1000);
		expect(client.channels.cache.size).toBe(50_000);
		const sample = client.guilds.cache.first();
		expect(sample?.memberCount).toBe(101);
		expect(sample?.large).toBe(true);
		expect(sample?.members.cache.size).toBe(1);
		expect(emulator.control.stats().gateway.dispatched).toBeGreaterThanOrEqual(1001);
		console.warn(
			`scale: seeded in ${Math.round(seedMs)} ms, READY + 1,000 GUILD_CREATE in ${Math.round(loginMs)} ms, emulator+client RSS ${Math.round(process.memoryUsage().rss / 1e6)} MB`,
		);
		expect(seedMs + loginMs).toBeLessThan(60_000);
	}, 90_000);
});
