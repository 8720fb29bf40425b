import { type ChildProcess, spawn } from 'node:child_process';
import { type SettingsOverrides, SettingsStore } from '@charbot/stores';
import { createLogger, createRedisConnection, Keyspace, type RedisClient, resolveFromRoot, waitForRedisReady } from '@charbot/core';
import { QueueName } from '@charbot/contracts';
import { type DiscordEmulator, startDiscordEmulator, type TranscriptMessage } from '@charbot/discord-emulator';
import { type OllamaSim, type OllamaSimOptions, startOllamaSim } from '@charbot/ollama-sim';
import { findFreePort, type RedisCluster, type RedisServer, startRedisCluster, startRedisServer, uniquePrefix, waitFor } from '@charbot/testkit';
import { Queue } from 'bullmq';
import { PlatformApps } from '../../apps/launcher/src/PlatformApps.js';

const silentLogger = createLogger({ name: 'harness', level: 'silent', format: 'json' });

// Every simulated host, of either API: warm and fast, so the pipeline and not the model sets the pace.
const fastSimOptions = { models: ['llama3.2:1b'], preloaded: true, numParallel: 8, tokensPerSecond: 2000, timeToFirstTokenMs: 5 } satisfies OllamaSimOptions;

// The key the simulated OpenAI-compatible hosts want: long enough for the apps to scrub it from their logs.
const harnessApiKey = 'sk-harness-openai-key';

/** The apps under test, each a real process as in production. */
export type AppName = 'gateway' | 'message-router' | 'quality-control' | 'delivery';

/** A running app process and its health URL. */
export interface AppProcess {
	readonly name: AppName;
	readonly healthUrl: string;
	child: ChildProcess;
	/** Everything it printed, for failure messages and log assertions. */
	readonly output: string[];
}

/** The whole platform for an end-to-end test: real Redis, emulator, simulator, apps as processes. */
export interface PlatformHarness {
	/** The queue Redis; with `redisCluster`, the cluster's first node (connect with {@link PlatformHarness.connect}). */
	readonly redis: RedisServer;
	/** The queue Redis Cluster, with `redisCluster`; the response cache then has a server of its own. */
	readonly cluster: RedisCluster | undefined;
	/** A new connection to the queue Redis (or cluster), as the apps open theirs. */
	connect(): RedisClient;
	readonly emulator: DiscordEmulator;
	/** The first simulated Ollama host; `sims` holds all of them. */
	readonly sim: OllamaSim;
	readonly sims: readonly OllamaSim[];
	readonly prefix: string;
	readonly apps: Map<AppName, AppProcess>;
	readonly env: NodeJS.ProcessEnv;
	/** Starts (or restarts) one app and waits until it is ready. */
	startApp(name: AppName): Promise<AppProcess>;
	/** Changes a channel's settings of the seeded guild, as an admin command would. */
	updateSettings(channelId: string, changes: SettingsOverrides): Promise<void>;
	/** Kills an app with SIGKILL (no cleanup), as a crash would. */
	killApp(name: AppName): Promise<void>;
	/** Sends an app a signal (SIGTERM by default) and waits for it to exit; SIGKILLs it past `timeoutMs` (then `code` is null). */
	stopApp(name: AppName, signal?: NodeJS.Signals, timeoutMs?: number): Promise<AppExit>;
	/** Bot-side messages of a channel (webhooks, the bot), oldest first; ephemeral ones left out. */
	botMessages(channelId: string): TranscriptMessage[];
	/** The value of one series (`name` or `name{labels}`) an app serves on `/metrics` now; NaN when it serves none. */
	metric(name: AppName, series: string): Promise<number>;
	/**
	 * Resolves once the pipeline is idle: the gateway runs no pending work and the route, review and deliver queues hold no
	 * waiting, active or delayed job. Every later stage's job is added by the earlier stage's job before it completes, so
	 * nothing the platform was doing can still post after this; a test awaits it before asserting that something did not happen.
	 */
	settled(timeoutMs?: number): Promise<void>;
	close(): Promise<void>;
}

/** How a stopped app exited, and how long it took. */
export interface AppExit {
	readonly code: number | null;
	readonly signal: NodeJS.Signals | null;
	readonly elapsedMs: number;
}

/** Options of {@link startPlatform}. */
export interface PlatformOptions {
	/** Options of every simulated host. */
	readonly sim?: OllamaSimOptions;
	/** How many simulated Ollama hosts to start (1 by default); with more, the apps get them all in `OLLAMA_HOSTS`. */
	readonly simHosts?: number;
	/**
	 * How many simulated OpenAI-compatible (vLLM-like, `api: 'openai'`) hosts to start beside them (0 by default); they
	 * join `OLLAMA_HOSTS` with the `openai+` prefix and want `OPENAI_API_KEY`, which the apps get. They follow `sims`.
	 */
	readonly openAiHosts?: number;
	readonly env?: Record<string, string>;
	/**
	 * Puts the queues and state on a real Redis Cluster (3 masters, 3 replicas; `REDIS_CLUSTER_NODES`) and the response
	 * cache on a server of its own (`CACHE_REDIS_URL`), as a deployment on a cluster would.
	 */
	readonly redisCluster?: boolean;
}

/** Starts everything; close it after the test file. */
export async function startPlatform(options: PlatformOptions = {}): Promise<PlatformHarness> {
	const simHosts = options.simHosts ?? 1;
	const openAiHosts = options.openAiHosts ?? 0;
	const cluster = options.redisCluster ? await startRedisCluster({ appendOnly: true }) : undefined;
	const [redis, emulator, ...sims] = await Promise.all([
		cluster?.nodes[0] ?? startRedisServer({ appendOnly: true }),
		startDiscordEmulator({ heartbeatIntervalMs: 1000 }),
		...Array.from({ length: simHosts }, (_, index) =>
			startOllamaSim({ ...fastSimOptions, ...(simHosts > 1 ? { name: `sim-${index + 1}` } : {}), ...options.sim }),
		),
		...Array.from({ length: openAiHosts }, (_, index) =>
			startOllamaSim({ ...fastSimOptions, name: `openai-${index + 1}`, ...options.sim, api: 'openai', apiKey: harnessApiKey }),
		),
	]);
	const sim = sims[0] as OllamaSim;
	const prefix = uniquePrefix('e2e');
	const env: NodeJS.ProcessEnv = {
		PATH: process.env.PATH,
		HOME: process.env.HOME,
		NODE_ENV: 'test',
		LOG_LEVEL: 'info',
		LOG_FORMAT: 'json',
		REDIS_URL: redis.url,
		...(cluster === undefined ? {} : { REDIS_CLUSTER_NODES: cluster.nodeList }),
		REDIS_KEY_PREFIX: prefix,
		DISCORD_TOKEN: emulator.token,
		DISCORD_API_URL: emulator.apiUrl,
		OLLAMA_BASE_URL: sim.url,
		...(simHosts + openAiHosts > 1
			? {
					OLLAMA_HOSTS: sims.map((host, index) => (index < simHosts ? host.url : `openai+${host.url}/v1`)).join(','),
					...(openAiHosts > 0 ? { OPENAI_API_KEY: harnessApiKey } : {}),
				}
			: {}),
		ALLOW_SIMULATED_PARTS: 'true',
		SHUTDOWN_TIMEOUT: '10',
		...options.env,
	};
	const cacheRedis = cluster === undefined ? undefined : await startRedisServer();
	if (cacheRedis !== undefined) env.CACHE_REDIS_URL = cacheRedis.url;
	const connect = (): RedisClient => createRedisConnection({ url: redis.url, clusterNodes: cluster?.startupNodes, role: 'producer', logger: silentLogger });
	const apps = new Map<AppName, AppProcess>();

	const startApp = async (name: AppName): Promise<AppProcess> => {
		const port = await findFreePort();
		const output: string[] = apps.get(name)?.output ?? [];
		const launch = PlatformApps.find((each) => each.name === name) as (typeof PlatformApps)[number];
		const child = spawn(process.execPath, [...launch.nodeFlags, '--import', 'tsx', resolveFromRoot(launch.entry)], {
			cwd: resolveFromRoot('.'),
			env: { ...env, HEALTH_PORT: String(port) },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
		child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
		const running: AppProcess = { name, healthUrl: `http://127.0.0.1:${port}`, child, output };
		apps.set(name, running);
		try {
			await waitFor(
				async () => {
					if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${output.join('').slice(-3000)}`);
					try {
						return (await fetch(`${running.healthUrl}/readyz`)).status === 200;
					} catch {
						return false;
					}
				},
				`${name} to be ready`,
				30_000,
			);
		} catch (error) {
			throw new Error(`${(error as Error).message}\n--- ${name} output ---\n${output.join('').slice(-3000)}`, { cause: error });
		}
		return running;
	};

	const killApp = async (name: AppName) => {
		const app = apps.get(name);
		if (!app || app.child.exitCode !== null || app.child.signalCode !== null) return;
		const exited = new Promise((resolve) => app.child.once('exit', resolve));
		app.child.kill('SIGKILL');
		await exited;
	};

	const stopApp = async (name: AppName, signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 30_000): Promise<AppExit> => {
		const app = apps.get(name);
		if (!app) throw new Error(`${name} was never started`);
		const { child } = app;
		if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} has already exited (${child.exitCode ?? child.signalCode})`);
		const startedAt = Date.now();
		const exited = new Promise<AppExit>((resolve) =>
			child.once('exit', (code, exitSignal) => resolve({ code, signal: exitSignal, elapsedMs: Date.now() - startedAt })),
		);
		child.kill(signal);
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		try {
			return await exited;
		} finally {
			clearTimeout(timer);
		}
	};

	let queues: { connection: ReturnType<typeof createRedisConnection>; list: Queue[] } | undefined;
	const openQueues = async () => {
		if (queues === undefined) {
			const connection = connect();
			const keys = new Keyspace(prefix);
			queues = { connection, list: Object.values(QueueName).map((name) => new Queue(name, { connection, prefix: keys.queuePrefix(name) })) };
			await waitForRedisReady(connection);
		}
		return queues.list;
	};

	const metric = async (name: AppName, series: string): Promise<number> => {
		const app = apps.get(name);
		if (!app) throw new Error(`${name} was never started`);
		const text = await (await fetch(`${app.healthUrl}/metrics`)).text();
		const line = text.split('\n').find((each) => each.startsWith(`${series} `));
		return line === undefined ? Number.NaN : Number(line.slice(series.length + 1));
	};

	const settled = async (timeoutMs = 30_000): Promise<void> => {
		const list = await openQueues();
		const gateway = apps.get('gateway');
		await waitFor(
			async () => {
				// The gateway first: its work ends in route jobs, which the queues then show.
				if (gateway && gateway.child.exitCode === null && gateway.child.signalCode === null) {
					if ((await metric('gateway', 'charbot_gateway_pending_work')) !== 0) return false;
				}
				for (const queue of list) {
					const counts = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'waiting-children');
					if (Object.values(counts).some((count) => count > 0)) return false;
				}
				return true;
			},
			'the pipeline to be idle (no gateway work, no waiting, active or delayed job)',
			timeoutMs,
		);
	};

	const close = async () => {
		if (queues !== undefined) {
			await Promise.all(queues.list.map((queue) => queue.close()));
			queues.connection.disconnect();
		}
		await Promise.all(
			[...apps.values()].map(async (app) => {
				if (app.child.exitCode !== null || app.child.signalCode !== null) return;
				const exited = new Promise((resolve) => app.child.once('exit', resolve));
				app.child.kill('SIGTERM');
				const timer = setTimeout(() => app.child.kill('SIGKILL'), 12_000);
				await exited;
				clearTimeout(timer);
			}),
		);
		await Promise.all([emulator.close(), ...sims.map((host) => host.close())]);
		await (cluster ?? redis).close();
		await cacheRedis?.close();
	};

	try {
		for (const name of ['gateway', 'message-router', 'quality-control', 'delivery'] as const) await startApp(name);
	} catch (error) {
		// An app that cannot start must not leave the others (and Redis) running after the test has failed.
		await close();
		throw error;
	}

	return {
		redis,
		cluster,
		connect,
		emulator,
		sim,
		sims,
		prefix,
		apps,
		env,
		startApp,
		killApp,
		stopApp,
		updateSettings: async (channelId, changes) => {
			const connection = connect();
			try {
				await waitForRedisReady(connection);
				await new SettingsStore(connection, new Keyspace(prefix)).update(emulator.seed?.guildId ?? null, changes, channelId);
			} finally {
				connection.disconnect();
			}
		},
		botMessages: (channelId) => emulator.control.transcript(channelId).filter((message) => message.fromBot && !message.ephemeral),
		metric,
		settled,
		close,
	};
}

/** A seeded channel's id by name; throws when the seed has no such channel. */
export function seededChannel(platform: PlatformHarness, name: string): string {
	const id = platform.emulator.seed?.channels[name];
	if (id === undefined) throw new Error(`the emulator seed has no channel #${name}`);
	return id;
}

/** A seeded user's id by username. */
export function seededUser(platform: PlatformHarness, name: string): string {
	const id = platform.emulator.seed?.users[name];
	if (id === undefined) throw new Error(`the emulator seed has no user ${name}`);
	return id;
}
