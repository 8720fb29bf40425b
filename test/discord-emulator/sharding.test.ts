import { type DiscordEmulator, shardForGuild, startDiscordEmulator } from '@charbot/discord-emulator';
import type { Client, GatewayDispatchPayload } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginClient } from './loginClient.js';

describe('sharding', () => {
	let emulator: DiscordEmulator;
	const clients: Client[] = [];

	beforeAll(async () => {
		emulator = await startDiscordEmulator({ heartbeatIntervalMs: 2000, shards: 2, seed: { guilds: 6 } });
	});

	afterAll(async () => {
		await Promise.all(clients.map((client) => client.destroy()));
		await emulator?.close();
	});

	const guildIds = () => emulator.seed?.guildIds ?? [];
	const generalOf = (guildId: string) => emulator.control.findChannel('general', guildId).id;

	it('spreads the seeded guilds over both shards', () => {
		const shards = guildIds().map((id) => shardForGuild(id, 2));
		expect(new Set(shards)).toEqual(new Set([0, 1]));
	});

	it('gives one client with shards [0, 1] every guild, each on the shard the formula names', async () => {
		const client = await loginClient(emulator, { shards: [0, 1], shardCount: 2 });
		clients.push(client);
		expect(client.guilds.cache.size).toBe(6);
		for (const guild of client.guilds.cache.values()) expect(guild.shardId).toBe(shardForGuild(guild.id, 2));
		const arrivals: { guildId: string; shardId: number }[] = [];
		client.on('raw', (packet: GatewayDispatchPayload, shardId: number) => {
			if (packet.t === 'MESSAGE_CREATE' && packet.d.guild_id) arrivals.push({ guildId: packet.d.guild_id, shardId });
		});
		for (const guildId of guildIds())
			emulator.control.postMessage({ channelId: generalOf(guildId), authorId: emulator.seed?.users.bob ?? '', content: 'ping' });
		await expect.poll(() => arrivals.length).toBe(6);
		for (const arrival of arrivals) expect(arrival.shardId).toBe(shardForGuild(arrival.guildId, 2));
		await client.destroy();
	});

	it('gives two single-shard clients only the events of their own guilds', async () => {
		const [zero, one] = await Promise.all([loginClient(emulator, { shards: [0], shardCount: 2 }), loginClient(emulator, { shards: [1], shardCount: 2 })]);
		clients.push(zero, one);
		const onShard = (shard: number) =>
			guildIds()
				.filter((id) => shardForGuild(id, 2) === shard)
				.sort();
		expect([...zero.guilds.cache.keys()].sort()).toEqual(onShard(0));
		expect([...one.guilds.cache.keys()].sort()).toEqual(onShard(1));
		const seen = new Map<Client, string[]>([
			[zero, []],
			[one, []],
		]);
		const dms = new Map<Client, number>([
			[zero, 0],
			[one, 0],
		]);
		for (const client of [zero, one]) {
			client.on('raw', (packet: GatewayDispatchPayload) => {
				if (packet.t !== 'MESSAGE_CREATE') return;
				if (packet.d.guild_id) seen.get(client)?.push(packet.d.guild_id);
				else dms.set(client, (dms.get(client) ?? 0) + 1);
			});
		}
		for (const guildId of guildIds())
			emulator.control.postMessage({ channelId: generalOf(guildId), authorId: emulator.seed?.users.carol ?? '', content: 'hello shard' });
		// DMs go to shard 0 only.
		emulator.control.postMessage({ channelId: emulator.seed?.dmChannelId ?? '', authorId: emulator.seed?.users.alice ?? '', content: 'dm' });
		await expect.poll(() => (seen.get(zero)?.length ?? 0) + (seen.get(one)?.length ?? 0) + (dms.get(zero) ?? 0)).toBe(7);
		expect(seen.get(zero)?.sort()).toEqual(onShard(0));
		expect(seen.get(one)?.sort()).toEqual(onShard(1));
		expect([dms.get(zero), dms.get(one)]).toEqual([1, 0]);
		expect(
			emulator.control
				.sessions()
				.filter((session) => session.connected)
				.map((session) => session.shardId)
				.sort(),
		).toEqual([0, 1]);
	});
});
