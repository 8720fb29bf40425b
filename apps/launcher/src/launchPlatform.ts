import { rmSync } from 'node:fs';
import { type Config, type Logger, repoRoot, resolveFromRoot } from '@charbot/core';
import { type DiscordEmulator, startDiscordEmulator } from '@charbot/discord-emulator';
import { type OllamaSim, startOllamaSim } from '@charbot/ollama-sim';
import { findFreePort, type RedisServer, startRedisServer } from '@charbot/testkit';
import type { AppLineWriter } from './createAppLineWriter.js';
import { planLocalParts } from './planLocalParts.js';
import { PlatformApps } from './PlatformApps.js';
import { PortInUseError, portInUse } from './PortInUseError.js';
import { probeModelHosts } from './probeModelHosts.js';
import { simulatedCharacterReply } from './simulatedCharacterReply.js';
import { simulatedVisionModel } from './simulatedVisionModel.js';
import { type SupervisedProcess, superviseProcess } from './superviseProcess.js';
import { waitForApps } from './waitForApps.js';

/** What the ready line reports, for a JSON log entry. */
export interface ReadyReport {
	readonly readyInMs: number;
	readonly apps: readonly string[];
	readonly playground?: string;
	readonly simulated: readonly string[];
}

/** Options of {@link launchPlatform}. */
export interface LaunchOptions {
	readonly config: Config;
	readonly logger: Logger;
	/** The environment the apps inherit (the launcher's own, normally). */
	readonly env: NodeJS.ProcessEnv;
	/** Writes one line an app printed. */
	readonly appOutput: AppLineWriter;
	/** Says, once, that every app is ready. */
	readonly announceReady: (message: string, report: ReadyReport) => void;
	/** Seconds since the launcher started, for "ready in"; the process's uptime by default. */
	readonly uptime?: () => number;
}

/** The running platform. */
export interface Platform {
	/** The playground page, when Discord is emulated. */
	readonly playgroundUrl: string | undefined;
	readonly processes: readonly SupervisedProcess[];
	/** Resolves `true` once every app answers `/readyz`, `false` when the platform stopped first. */
	readonly ready: Promise<boolean>;
	/** Stops the apps gracefully (each drains its work), then the stand-ins. */
	stop(): Promise<void>;
	/** Kills everything now and removes the private Redis's data: a forced exit. */
	kill(): void;
}

/**
 * Runs the whole platform on this machine: the stand-ins it needs (a private Redis, the Discord emulator, the Ollama
 * simulator, each announced loudly) and the apps as supervised processes, then says once when every app is ready.
 */
export async function launchPlatform(options: LaunchOptions): Promise<Platform> {
	const { config, logger } = options;
	const ollamaUrls = config.OLLAMA_HOSTS?.split(',').map((url) => url.trim()) ?? [config.OLLAMA_BASE_URL];
	const plan = planLocalParts(config, await probeModelHosts(ollamaUrls));
	if (plan.refusals.length > 0) throw new Error(plan.refusals.join('\n'));
	for (const warning of plan.warnings) logger.warn(warning);

	const env: NodeJS.ProcessEnv = { ...options.env };
	let redis: RedisServer | undefined;
	let emulator: DiscordEmulator | undefined;
	let sims: OllamaSim[] = [];
	const simulated: string[] = [];
	try {
		if (plan.redis) {
			// Its own process group: Ctrl-C must not stop Redis while the apps still drain their jobs into it.
			redis = await startRedisServer({ appendOnly: true, detached: true });
			env.REDIS_URL = redis.url;
			logger.info(`Redis: a private redis-server at ${redis.url} (data in ${redis.dir}, removed on exit). Set REDIS_URL to use your own.`);
		}
		if (plan.discordEmulator) {
			emulator = await startDiscordEmulator({ port: config.EMULATOR_PORT }).catch((error: unknown) => {
				const port = portInUse(error);
				throw port === undefined ? error : new PortInUseError(port, 'the Discord emulator', 'EMULATOR_PORT');
			});
			env.DISCORD_TOKEN = emulator.token;
			env.DISCORD_API_URL = emulator.apiUrl;
			simulated.push('Discord');
			logger.warn('Discord is EMULATED (no DISCORD_TOKEN): nothing reaches discord.com.');
		}
		if (plan.ollamaSimulator) {
			// Characters see pictures in the playground too: the simulator's vision model answers the vision role.
			const visionModel = config.OLLAMA_VISION_MODEL ?? simulatedVisionModel;
			const shared = {
				// Listed first so that a vision model named like the chat model still sees.
				models: [{ name: visionModel, vision: true }, config.OLLAMA_MODEL],
				preloaded: true,
				numParallel: 4,
				tokensPerSecond: 80,
				scripts: [simulatedCharacterReply],
			};
			// A mixed pool, as operators run one: an Ollama host and an OpenAI-compatible (vLLM-like) one share the traffic.
			sims = await Promise.all([
				startOllamaSim({ ...shared, name: 'npm-start-ollama' }),
				startOllamaSim({ ...shared, name: 'npm-start-openai', api: 'openai' }),
			]);
			const [ollamaSim, openAiSim] = sims as [OllamaSim, OllamaSim];
			env.OLLAMA_HOSTS = `${ollamaSim.url},openai+${openAiSim.url}/v1`;
			env.OLLAMA_VISION_MODEL = visionModel;
			delete env.OLLAMA_BASE_URL;
			delete env.OLLAMA_ROLES_FILE;
			simulated.push('Ollama');
			const seeing =
				config.OLLAMA_VISION_MODEL === undefined
					? `pictures go to the SIMULATED vision model ${visionModel} (OLLAMA_VISION_MODEL was unset), which only counts them`
					: `pictures go to OLLAMA_VISION_MODEL=${visionModel}, simulated too, which only counts them`;
			logger.warn(
				`The model hosts are SIMULATED (nothing answered at ${ollamaUrls.join(', ')}): two simulators, one speaking Ollama's API at ${ollamaSim.url} and one OpenAI's at ${openAiSim.url}/v1, share the replies, which are canned, not a model's; ${seeing}.`,
			);
		}
		if (simulated.length > 0) env.ALLOW_SIMULATED_PARTS = 'true';
	} catch (error) {
		await Promise.all([emulator?.close(), ...sims.map((sim) => sim.close()), redis?.close()]);
		throw error;
	}
	// The apps log JSON lines to us whatever the terminal; the launcher renders them in its own format.
	env.LOG_FORMAT = 'json';

	const processes: SupervisedProcess[] = [];
	const health: { name: string; readyUrl: string }[] = [];
	for (const app of PlatformApps) {
		const healthPort = await findFreePort();
		const readyUrl = `http://127.0.0.1:${healthPort}/readyz`;
		const supervised = superviseProcess({
			name: app.name,
			command: process.execPath,
			args: [...app.nodeFlags, '--import', 'tsx', resolveFromRoot(app.entry)],
			env: { ...env, HEALTH_PORT: String(healthPort) },
			cwd: repoRoot(),
			logger,
			output: (line, stream) => options.appOutput(app.name, line, stream),
		});
		processes.push(supervised);
		health.push({ name: app.name, readyUrl });
		logger.info({ readyz: readyUrl, processId: supervised.pid }, `starting ${app.name}`);
	}

	const stopping = new AbortController();
	const uptime = options.uptime ?? (() => process.uptime());
	const ready = waitForApps({
		apps: health,
		signal: stopping.signal,
		onSlow: (waiting) => logger.warn({ waiting }, `still waiting for ${waiting.map((app) => `${app.name} (${app.reason})`).join(', ')}`),
	}).then((allReady) => {
		if (allReady) {
			const report: ReadyReport = {
				readyInMs: Math.round(uptime() * 1000),
				apps: health.map((app) => app.name),
				simulated,
				...(emulator ? { playground: emulator.url } : {}),
			};
			options.announceReady(readyMessage(report), report);
		}
		return allReady;
	});

	return {
		playgroundUrl: emulator?.url,
		processes,
		ready,
		stop: async () => {
			stopping.abort();
			await Promise.all(processes.map((child) => child.stop((config.SHUTDOWN_TIMEOUT + 2) * 1000)));
			await Promise.all([emulator?.close(), ...sims.map((sim) => sim.close())]);
			await redis?.close();
		},
		kill: () => {
			stopping.abort();
			for (const child of processes) child.kill();
			if (redis) {
				void redis.stop({ crash: true });
				rmSync(redis.dir, { recursive: true, force: true });
			}
		},
	};
}

function readyMessage(report: ReadyReport): string {
	const seconds = (report.readyInMs / 1000).toFixed(1);
	const stand =
		report.simulated.length > 0 ? ` (${report.simulated.map((part) => (part === 'Discord' ? 'Discord emulated' : `${part} simulated`)).join(', ')})` : '';
	const where = report.playground
		? `open ${report.playground}, pick a user and write "Peter, what's up?"${stand}`
		: `${report.apps.join(', ')} answer /readyz${stand}`;
	return `charbot is ready in ${seconds} s: ${where}. Ctrl-C stops everything.`;
}
