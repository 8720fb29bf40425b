import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { findFreePort } from './findFreePort.js';
import { type RedisServer, startRedisServer } from './startRedisServer.js';
import { waitFor } from './waitFor.js';

const run = promisify(execFile);

/** Options of {@link startRedisCluster}. */
export interface RedisClusterOptions {
	/** Masters, each with `replicasPerMaster` replicas; Redis Cluster needs at least 3 masters. */
	readonly masters?: number;
	readonly replicasPerMaster?: number;
	/** How long a master may be unreachable before its replica takes over (`cluster-node-timeout`). */
	readonly nodeTimeoutMs?: number;
	/** Append-only persistence on every node. */
	readonly appendOnly?: boolean;
}

/** One node of a {@link RedisCluster}: a private redis-server with `--cluster-enabled yes`. */
export interface RedisClusterNode extends RedisServer {
	readonly host: string;
}

/** What `CLUSTER NODES` says of one node right now. */
export interface RedisClusterNodeState {
	readonly id: string;
	readonly port: number;
	readonly role: 'master' | 'replica';
	readonly failed: boolean;
	/** The master's id, for a replica. */
	readonly masterId: string | null;
}

/** A private Redis Cluster of one test file or suite: real nodes on free loopback ports, slots spread over the masters. */
export interface RedisCluster {
	readonly nodes: readonly RedisClusterNode[];
	/** `host:port` of every node, comma-separated: the form of a nodes-list setting. */
	readonly nodeList: string;
	/** The nodes as ioredis' `Cluster` takes them. */
	readonly startupNodes: readonly { host: string; port: number }[];
	/** Every node's role and health as seen from a live node. */
	state(): Promise<RedisClusterNodeState[]>;
	/** The node that holds `key`'s slot now. */
	masterOf(key: string): Promise<RedisClusterNode>;
	/** Resolves once every slot is served and every live node agrees the cluster is ok. */
	waitHealthy(timeoutMs?: number): Promise<void>;
	/** Stops every node and removes their folders. */
	close(): Promise<void>;
}

const host = '127.0.0.1';

/**
 * Starts a real local Redis Cluster (3 masters and 3 replicas by default) with `redis-server --cluster-enabled yes`
 * and `redis-cli --cluster create`, each node's cluster bus on a free port of its own.
 */
export async function startRedisCluster(options: RedisClusterOptions = {}): Promise<RedisCluster> {
	const masters = options.masters ?? 3;
	const replicasPerMaster = options.replicasPerMaster ?? 1;
	const nodeTimeoutMs = options.nodeTimeoutMs ?? 2_000;
	const nodes: RedisClusterNode[] = [];
	try {
		for (let index = 0; index < masters * (1 + replicasPerMaster); index++) {
			const busPort = await findFreePort();
			const server = await startRedisServer({
				appendOnly: options.appendOnly ?? false,
				extraArgs: [
					'--cluster-enabled',
					'yes',
					'--cluster-config-file',
					'nodes.conf',
					'--cluster-node-timeout',
					String(nodeTimeoutMs),
					'--cluster-port',
					String(busPort),
					'--cluster-announce-ip',
					host,
					// A replica that lost its master for a while may still be promoted: a test kills masters on purpose.
					'--cluster-replica-validity-factor',
					'0',
				],
			});
			nodes.push(Object.assign(server, { host }));
		}
		await run(
			'redis-cli',
			['--cluster', 'create', ...nodes.map((node) => `${host}:${node.port}`), '--cluster-replicas', String(replicasPerMaster), '--cluster-yes'],
			{
				timeout: 30_000,
			},
		);
	} catch (error) {
		await Promise.all(nodes.map((node) => node.close()));
		throw new Error(`Could not start a Redis Cluster: ${(error as Error).message}`, { cause: error });
	}

	const liveNode = async (): Promise<RedisClusterNode> => {
		for (const node of nodes) if (await answers(node)) return node;
		throw new Error('No node of the Redis Cluster answers');
	};

	const state = async (): Promise<RedisClusterNodeState[]> => parseClusterNodes(await cli(await liveNode(), 'CLUSTER', 'NODES'));

	const cluster: RedisCluster = {
		nodes,
		nodeList: nodes.map((node) => `${host}:${node.port}`).join(','),
		startupNodes: nodes.map((node) => ({ host, port: node.port })),
		state,
		masterOf: async (key) => {
			const slot = Number(await cli(await liveNode(), 'CLUSTER', 'KEYSLOT', key));
			const shards = await cli(await liveNode(), 'CLUSTER', 'NODES');
			for (const line of shards.trim().split('\n')) {
				const fields = line.split(' ');
				if (!fields[2]?.includes('master') || fields[2].includes('fail')) continue;
				const port = Number(fields[1]?.split(/[:@]/)[1]);
				if (fields.slice(8).some((range) => inRange(range, slot))) {
					const node = nodes.find((candidate) => candidate.port === port);
					if (node) return node;
				}
			}
			throw new Error(`No live master serves slot ${slot} of ${key}`);
		},
		waitHealthy: async (timeoutMs = 30_000) => {
			await waitFor(
				async () => {
					const live = [];
					for (const node of nodes) if (await answers(node)) live.push(node);
					for (const node of live) {
						const info = await cli(node, 'CLUSTER', 'INFO');
						if (!info.includes('cluster_state:ok') || !info.includes('cluster_slots_ok:16384')) return false;
					}
					return live.length > 0;
				},
				'every slot of the Redis Cluster served and every live node reporting cluster_state:ok',
				timeoutMs,
			);
		},
		close: async () => {
			await Promise.all(nodes.map((node) => node.close()));
		},
	};
	await cluster.waitHealthy();
	// `--cluster create` returns before every node has heard of every replica's role: wait until each says the same.
	await waitFor(
		async () => {
			for (const node of nodes) {
				const roles = parseClusterNodes(await cli(node, 'CLUSTER', 'NODES'));
				if (roles.filter((role) => role.role === 'master').length !== masters) return false;
				if (roles.filter((role) => role.role === 'replica' && role.masterId !== null).length !== masters * replicasPerMaster) return false;
			}
			return true;
		},
		`every node of the Redis Cluster seeing ${masters} masters with ${replicasPerMaster} replica(s) each`,
		30_000,
	);
	return cluster;
}

async function cli(node: RedisClusterNode, ...args: string[]): Promise<string> {
	const { stdout } = await run('redis-cli', ['-h', host, '-p', String(node.port), ...args], { timeout: 5_000 });
	return stdout;
}

async function answers(node: RedisClusterNode): Promise<boolean> {
	try {
		return (await cli(node, 'PING')).trim() === 'PONG';
	} catch {
		return false;
	}
}

function inRange(range: string, slot: number): boolean {
	if (range.startsWith('[')) return false;
	const [from, to = from] = range.split('-').map(Number);
	return from !== undefined && to !== undefined && slot >= from && slot <= to;
}

function parseClusterNodes(text: string): RedisClusterNodeState[] {
	return text
		.trim()
		.split('\n')
		.map((line) => {
			const [id = '', address = '', flags = '', masterId = '-'] = line.split(' ');
			return {
				id,
				port: Number(address.split(/[:@]/)[1]),
				role: flags.includes('master') ? ('master' as const) : ('replica' as const),
				failed: flags.includes('fail') && !flags.includes('fail?'),
				masterId: masterId === '-' ? null : masterId,
			};
		});
}
