import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SeedSize, startDiscordEmulator } from '@charbot/discord-emulator';
import { startRedisServer } from '@charbot/testkit';
import { PlatformApps } from '../../apps/launcher/src/PlatformApps.js';
import {
	type AppRunMode,
	appEntryArguments,
	type BenchAppProcess,
	benchEnvironment,
	pollSlowly,
	readRss,
	spawnUntilReady,
	stopAppProcess,
} from '../appProcess.js';
import { type HeapSummary, summarizeHeapSnapshot } from './summarizeHeapSnapshot.js';

/** One gateway memory reading. */
export interface MemorySample {
	readonly rssBytes: number;
	readonly heapUsedBytes: number;
}

/** What {@link measureGatewayMemory} found. */
export interface GatewayMemoryRun {
	/** Spawn to `/readyz` 200. */
	readonly readyMs: number;
	readonly settled: MemorySample;
	readonly afterFlow: MemorySample;
	readonly messagesSent: number;
	/** The gateway's own `charbot_gateway_messages_total`, every outcome. */
	readonly messagesCounted: number;
	readonly routeJobs: number;
	/** First message sent to the last one counted. */
	readonly flowMs: number;
	/** The gateway's message counters of the flow by outcome (`ignored` holds its own waiting notes coming back). */
	readonly outcomes: Readonly<Record<string, number>>;
	/** With `heapSnapshots`: a look inside once settled and after the flow. */
	readonly heap?: { readonly settled: HeapLook; readonly afterFlow: HeapLook };
}

/** Options of {@link measureGatewayMemory}. */
export interface GatewayMemoryOptions {
	/** The emulator's seed: `true` for the default small world. */
	readonly seed: true | SeedSize;
	/** Messages in the flow. */
	readonly messages: number;
	/** Rest before each reading. */
	readonly settleMs?: number;
	/** After each reading, also write a heap snapshot (which runs a full GC first), read the heap again and sum the snapshot. */
	readonly heapSnapshots?: boolean;
	/** Node/V8 flags of the gateway process instead of its usual ones (`PlatformApps`), e.g. heap settings to try. */
	readonly nodeFlags?: readonly string[];
	/** `compiled` (default, as production runs it): `dist/main.js` under `--conditions=charbot-dist`, after `npm run build`; `tsx`: `src/main.ts` through tsx, as before the build. */
	readonly run?: AppRunMode;
}

/** A heap snapshot taken after a reading, and the memory right after it (so after a full GC). */
export interface HeapLook {
	readonly afterGc: MemorySample;
	readonly summary: HeapSummary;
}

const characterCalls = ['Peter', 'Lois', 'Brian', 'Stewie', 'Meg'] as const;
const flowChunk = 100;
const flowChunkIntervalMs = 100;

async function readMetrics(healthUrl: string): Promise<string> {
	return (await fetch(`${healthUrl}/metrics`)).text();
}

/** Every series of a metric in Prometheus text, by its labels. */
function metricSeries(text: string, name: string): Map<string, number> {
	const series = new Map<string, number>();
	for (const line of text.split('\n')) {
		if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
		series.set(line.slice(name.length, line.lastIndexOf(' ')), Number(line.slice(line.lastIndexOf(' ') + 1)));
	}
	return series;
}

function metricSum(text: string, name: string): number {
	return [...metricSeries(text, name).values()].reduce((sum, value) => sum + value, 0);
}

/** Messages counted by the gateway by outcome, e.g. `{ enqueued: 3, ignored: 1 }`. */
function outcomes(text: string): Map<string, number> {
	const byOutcome = new Map<string, number>();
	for (const [labels, value] of metricSeries(text, 'charbot_gateway_messages_total')) byOutcome.set(/outcome="([^"]+)"/.exec(labels)?.[1] ?? labels, value);
	return byOutcome;
}

async function readSample(pid: number, healthUrl: string): Promise<MemorySample> {
	const metrics = await readMetrics(healthUrl);
	return { rssBytes: readRss(pid), heapUsedBytes: metricSum(metrics, 'nodejs_heap_size_used_bytes') };
}

/** Makes the gateway write a heap snapshot (SIGUSR2 with `--heapsnapshot-signal`), reads its memory once it answers again, sums and deletes the file. */
async function lookInside(pid: number, healthUrl: string, dir: string): Promise<HeapLook> {
	const known = new Set(readdirSync(dir));
	process.kill(pid, 'SIGUSR2');
	let file: string | undefined;
	// The snapshot is written on the main thread, so the process answers HTTP again only when the file is complete.
	await pollSlowly(
		async () => {
			file = readdirSync(dir).find((name) => name.endsWith('.heapsnapshot') && !known.has(name));
			if (file === undefined) return false;
			await readMetrics(healthUrl);
			return true;
		},
		'the heap snapshot',
		300_000,
	);
	const afterGc = await readSample(pid, healthUrl);
	const path = join(dir, file as string);
	try {
		return { afterGc, summary: summarizeHeapSnapshot(path) };
	} finally {
		rmSync(path, { force: true });
	}
}

/** Starts Redis, the emulator with `seed` and the gateway as a process; measures it ready, settled, and after a message flow. */
export async function measureGatewayMemory(options: GatewayMemoryOptions): Promise<GatewayMemoryRun> {
	const settleMs = options.settleMs ?? 10_000;
	const [redis, emulator] = await Promise.all([startRedisServer(), startDiscordEmulator({ seed: options.seed, heartbeatIntervalMs: 5000 })]);
	const snapshotDir = options.heapSnapshots ? mkdtempSync(join(tmpdir(), 'gateway-heap-')) : undefined;
	// The flags the gateway runs with everywhere, unless the run tries others.
	const gatewayFlags = options.nodeFlags ?? PlatformApps.find((app) => app.name === 'gateway')?.nodeFlags ?? [];
	const nodeFlags = [...gatewayFlags, ...(snapshotDir === undefined ? [] : ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${snapshotDir}`])];
	const entry = appEntryArguments('gateway', options.run ?? 'compiled');
	let gateway: BenchAppProcess | undefined;
	try {
		gateway = await spawnUntilReady('the gateway', [...nodeFlags, ...entry], benchEnvironment(redis.url, emulator), 300_000);
		const { child, healthUrl, output, readyMs } = gateway;
		const pid = child.pid ?? 0;
		const sample = async (): Promise<MemorySample> => {
			if (child.exitCode !== null || child.signalCode !== null) {
				throw new Error(`the gateway exited (${child.exitCode ?? child.signalCode}):\n${output.join('').slice(-3000)}`);
			}
			return readSample(pid, healthUrl);
		};
		await new Promise((resolve) => setTimeout(resolve, settleMs));
		const settled = await sample();
		const settledLook = snapshotDir === undefined ? undefined : await lookInside(pid, healthUrl, snapshotDir);

		const seed = emulator.seed;
		if (seed === null) throw new Error('the emulator has no seed');
		const channelsByGuild = seed.guildIds.map((guildId) =>
			emulator.control
				.guild(guildId)
				.channels.filter((channel) => channel.type === 0)
				.map((channel) => channel.id),
		);
		const members = Object.values(seed.users);
		// A fixed generator, so every run posts the same messages.
		let state = 12345;
		const random = (below: number) => {
			state = (state * 1103515245 + 12345) % 2 ** 31;
			return state % below;
		};
		// Members' messages only: the gateway's own waiting notes come back to it as `ignored`.
		const counted = async () => {
			if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the gateway exited during the flow:\n${output.join('').slice(-3000)}`);
			const byOutcome = outcomes(await readMetrics(healthUrl));
			return [...byOutcome].reduce((sum, [outcome, value]) => (outcome === 'ignored' ? sum : sum + value), 0);
		};
		const before = await counted();
		const outcomesBefore = outcomes(await readMetrics(healthUrl));
		const flowStartedAt = performance.now();
		for (let index = 0; index < options.messages; index += 1) {
			const channels = channelsByGuild[index % channelsByGuild.length] ?? [];
			const channelId = channels[random(channels.length)] as string;
			const authorId = members[random(members.length)] as string;
			const call = index % 5 === 0 ? `${characterCalls[random(characterCalls.length)]}, ` : '';
			emulator.control.postMessage({ channelId, authorId, content: `${call}message ${index} of the flow, about nothing in particular` });
			if ((index + 1) % flowChunk === 0) await new Promise((resolve) => setTimeout(resolve, flowChunkIntervalMs));
		}
		await pollSlowly(async () => (await counted()) - before >= options.messages, 'the gateway to count every message', 300_000).catch((error: unknown) =>
			process.stderr.write(`${(error as Error).message}\n`),
		);
		const flowMs = performance.now() - flowStartedAt;
		const metrics = await readMetrics(healthUrl);
		await new Promise((resolve) => setTimeout(resolve, settleMs));
		const afterFlow = await sample();
		const afterFlowLook = snapshotDir === undefined ? undefined : await lookInside(pid, healthUrl, snapshotDir);
		const flowOutcomes = Object.fromEntries([...outcomes(metrics)].map(([outcome, value]) => [outcome, value - (outcomesBefore.get(outcome) ?? 0)]));
		return {
			readyMs,
			settled,
			afterFlow,
			messagesSent: options.messages,
			messagesCounted: Object.entries(flowOutcomes).reduce((sum, [outcome, value]) => (outcome === 'ignored' ? sum : sum + value), 0),
			routeJobs: metricSum(metrics, 'charbot_gateway_route_jobs_enqueued_total'),
			flowMs,
			outcomes: flowOutcomes,
			...(settledLook && afterFlowLook ? { heap: { settled: settledLook, afterFlow: afterFlowLook } } : {}),
		};
	} finally {
		if (gateway !== undefined) await stopAppProcess(gateway.child);
		await emulator.close();
		await redis.close();
		if (snapshotDir !== undefined) rmSync(snapshotDir, { recursive: true, force: true });
	}
}
