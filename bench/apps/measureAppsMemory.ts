import { startDiscordEmulator } from '@charbot/discord-emulator';
import { startOllamaSim } from '@charbot/ollama-sim';
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

/** The production apps this figure measures. */
export const MeasuredApps = ['gateway', 'message-router', 'quality-control', 'delivery', 'llm-service'] as const;

/** One app's memory: `VmRSS` and V8 heap used. */
export interface AppMemory {
	readonly rssBytes: number;
	readonly heapUsedBytes: number;
}

/** What {@link measureAppsMemory} found for one mode. */
export interface AppsMemoryRun {
	readonly mode: AppRunMode;
	/** Per app: spawn to `/readyz` 200. */
	readonly readyMs: Readonly<Record<string, number>>;
	readonly settled: Readonly<Record<string, AppMemory>>;
	readonly afterTraffic: Readonly<Record<string, AppMemory>>;
	/** Discord questions answered by a character's webhook, and LLM service generations answered. */
	readonly replies: number;
	readonly generations: number;
}

const model = 'llama3.2:1b';
const adminToken = 'bench-admin-token-0123456789';

/** The node arguments that start `app` in `mode`, with the flags it runs with everywhere. */
function argumentsFor(app: (typeof MeasuredApps)[number], mode: AppRunMode): string[] {
	const flags = PlatformApps.find((each) => each.name === app)?.nodeFlags ?? [];
	return [...flags, ...appEntryArguments(app, mode)];
}

/** V8 heap used from the app's Prometheus text (`/metrics`, or the LLM service's `/metrics/prometheus`). */
async function readHeapUsed(healthUrl: string): Promise<number> {
	for (const path of ['/metrics', '/metrics/prometheus']) {
		const response = await fetch(`${healthUrl}${path}`).catch(() => undefined);
		if (response?.ok !== true) continue;
		const series = (await response.text()).split('\n').filter((line) => line.startsWith('nodejs_heap_size_used_bytes'));
		if (series.length > 0) return series.reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
	}
	return Number.NaN;
}

/**
 * Starts the five production apps in `mode` against a fresh real redis-server, the Ollama simulator and the Discord
 * emulator; reads each one's memory once ready and settled, then after `questions` Discord questions (each answered
 * through gateway, router and quality control) and as many LLM service generations.
 */
export async function measureAppsMemory(mode: AppRunMode, options: { readonly questions: number; readonly settleMs: number }): Promise<AppsMemoryRun> {
	const [redis, emulator, sim] = await Promise.all([
		startRedisServer(),
		startDiscordEmulator({ heartbeatIntervalMs: 5000 }),
		startOllamaSim({ models: [model], preloaded: true, numParallel: 8, tokensPerSecond: 2000, timeToFirstTokenMs: 5 }),
	]);
	const env: NodeJS.ProcessEnv = {
		...benchEnvironment(redis.url, emulator),
		OLLAMA_BASE_URL: sim.url,
		OLLAMA_MODEL: model,
		LLM_SERVICE_ADMIN_TOKEN: adminToken,
		SHUTDOWN_TIMEOUT: '10',
		HEALTH_HOST: '127.0.0.1',
	};
	const running = new Map<string, BenchAppProcess>();
	try {
		const readyMs: Record<string, number> = {};
		// One after another, as a deploy would bring them up; each measured alone while it starts.
		for (const app of MeasuredApps) {
			const started = await spawnUntilReady(`${app} (${mode})`, argumentsFor(app, mode), env, 60_000);
			running.set(app, started);
			readyMs[app] = started.readyMs;
		}
		const sample = async (): Promise<Record<string, AppMemory>> => {
			const readings: Record<string, AppMemory> = {};
			for (const [app, { child, healthUrl, output }] of running) {
				if (child.exitCode !== null) throw new Error(`${app} (${mode}) exited:\n${output.join('').slice(-3000)}`);
				readings[app] = { rssBytes: readRss(child.pid ?? 0), heapUsedBytes: await readHeapUsed(healthUrl) };
			}
			return readings;
		};
		await new Promise((resolve) => setTimeout(resolve, options.settleMs));
		const settled = await sample();

		// Traffic: one question per member and channel (no cooldown in the way), and LLM service generations.
		const { control } = emulator;
		const guildId = emulator.seed?.guildId ?? '';
		const channels = Array.from({ length: 5 }, (_, index) => control.createChannel(guildId, { name: `bench-${index}` }).id);
		for (let index = 0; index < options.questions; index += 1) {
			const user = control.createUser({ username: `bench-member-${index}` });
			control.addMember(guildId, user.id);
			control.postMessage({ channelId: channels[index % channels.length] as string, authorId: user.id, content: `Peter, what about tk-${index}?` });
		}
		const llmUrl = running.get('llm-service')?.healthUrl ?? '';
		const answered = await Promise.all(
			Array.from({ length: options.questions }, async (_, index) => {
				const response = await fetch(`${llmUrl}/api/generate`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ model, prompt: `Say something about tk-${index}.`, stream: false }),
				});
				await response.arrayBuffer();
				return response.ok;
			}),
		);
		const replies = () => channels.flatMap((channelId) => control.transcript(channelId).filter((message) => message.author.kind === 'webhook')).length;
		try {
			await pollSlowly(() => replies() >= options.questions, `${options.questions} replies (${mode})`, 120_000);
		} catch (error) {
			const logs = [...running].map(([app, { output }]) => `--- ${app} ---\n${output.join('').slice(-2000)}`).join('\n');
			throw new Error(`${(error as Error).message}; ${replies()} came:\n${logs}`, { cause: error });
		}
		await new Promise((resolve) => setTimeout(resolve, options.settleMs));
		const afterTraffic = await sample();
		return { mode, readyMs, settled, afterTraffic, replies: replies(), generations: answered.filter(Boolean).length };
	} finally {
		await Promise.all([...running.values()].map(({ child }) => stopAppProcess(child)));
		await Promise.all([emulator.close(), sim.close()]);
		await redis.close();
	}
}
