import { type RedisCluster, startRedisCluster, waitFor } from '@charbot/testkit';
import { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The test kit's cluster is what every cluster test stands on: it must really shard and really fail over.
describe('startRedisCluster', () => {
	let cluster: RedisCluster;
	let client: Cluster;

	beforeAll(async () => {
		cluster = await startRedisCluster();
		client = new Cluster([...cluster.startupNodes], { clusterRetryStrategy: () => 100 });
	}, 60_000);

	afterAll(async () => {
		client?.disconnect();
		await cluster?.close();
	});

	it('starts 3 masters with a replica each and spreads the slots over the masters', async () => {
		const state = await cluster.state();
		expect(state.filter((node) => node.role === 'master')).toHaveLength(3);
		const replicas = state.filter((node) => node.role === 'replica');
		expect(replicas).toHaveLength(3);
		expect(new Set(replicas.map((node) => node.masterId)).size).toBe(3);

		const owners = new Set<number>();
		for (let index = 0; index < 30; index++) {
			await client.set(`spread:${index}`, String(index));
			owners.add((await cluster.masterOf(`spread:${index}`)).port);
		}
		expect(owners.size).toBe(3);
	});

	it('refuses a command across slots, and takes one whose keys share a hash tag', async () => {
		await expect(client.mset('cross:a', '1', 'cross:b', '2')).rejects.toThrow(/CROSSSLOT/);
		await expect(client.mset('{tag}:a', '1', '{tag}:b', '2')).resolves.toBe('OK');
	});

	it('promotes the replica of a killed master, which still has what was replicated', async () => {
		await client.set('{failover}:kept', 'yes');
		const master = await cluster.masterOf('{failover}:kept');
		// WAIT on the master itself: the write reached its replica before the kill.
		const masterClient = client.nodes('master').find((node) => node.options.port === master.port);
		expect(await masterClient?.wait(1, 5_000)).toBe(1);

		await master.stop({ crash: true });
		await waitFor(async () => (await cluster.masterOf('{failover}:kept').catch(() => master)).port !== master.port, 'a replica promoted', 20_000);
		await cluster.waitHealthy();
		expect(await client.get('{failover}:kept')).toBe('yes');

		// The old master comes back as a replica of the promoted one.
		await master.start();
		await waitFor(
			async () => (await cluster.state()).some((node) => node.port === master.port && node.role === 'replica' && !node.failed),
			'the old master rejoining as a replica',
			20_000,
		);
	}, 60_000);
});
