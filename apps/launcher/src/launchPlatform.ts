import { type Config, type Logger, repoRoot, resolveFromRoot } from '@charbot/core';
import { type DiscordEmulator, startDiscordEmulator } from '@charbot/discord-emulator';
import { type OllamaSim, startOllamaSim } from '@charbot/ollama-sim';
import { findFreePort, type RedisServer, startRedisServer } from '@charbot/testkit';
import { planLocalParts } from './planLocalParts.js';
import { PlatformApps } from './PlatformApps.js';
import { probeOllama } from './probeOllama.js';
import { simulatedCharacterReply } from './simulatedCharacterReply.js';
import { type SupervisedProcess, superviseProcess } from './superviseProcess.js';

/** Options of {@link launchPlatform}. */
export interface LaunchOptions {
	readonly config: Config;
	readonly logger: Logger;
	/** The environment the apps inherit (the launcher's own, normally). */
	readonly env: NodeJS.ProcessEnv;
	/** Where the apps' output lines and the banner go. */
	readonly print: (line: string) => void;
}

/** The running platform. */
export interface Platform {
	/** The playground page, when Discord is emulated. */
	readonly playgroundUrl: string | undefined;
	readonly processes: readonly SupervisedProcess[];
	stop(): Promise<void>;
}

/**
 * Runs the whole platform on this machine: the stand-ins it needs (a private Redis, the Discord
 * emulator, the Ollama simulator — each announced loudly) and the three apps as supervised processes.
 */
export async function launchPlatform(options: LaunchOptions): Promise<Platform> {
	const { config, logger, print } = options;
	const ollamaUrls = config.OLLAMA_HOSTS?.split(',').map((url) => url.trim()) ?? [config.OLLAMA_BASE_URL];
	const plan = planLocalParts(config, await probeOllama(ollamaUrls));
	if (plan.refusals.length > 0) throw new Error(plan.refusals.join('\n'));
	for (const warning of plan.warnings) logger.warn(warning);

	const env: NodeJS.ProcessEnv = { ...options.env };
	let redis: RedisServer | undefined;
	let emulator: DiscordEmulator | undefined;
	let sim: OllamaSim | undefined;
	const simulated: string[] = [];
	try {
		if (plan.redis) {
			redis = await startRedisServer({ appendOnly: true });
			env.REDIS_URL = redis.url;
			print(`Redis: a private redis-server at ${redis.url} (data in ${redis.dir}, removed on exit). Set REDIS_URL to use your own.`);
		}
		if (plan.discordEmulator) {
			emulator = await startDiscordEmulator({ port: config.EMULATOR_PORT });
			env.DISCORD_TOKEN = emulator.token;
			env.DISCORD_API_URL = emulator.apiUrl;
			simulated.push('Discord is EMULATED (no DISCORD_TOKEN): nothing reaches discord.com.');
		}
		if (plan.ollamaSimulator) {
			sim = await startOllamaSim({
				name: 'npm-start',
				models: [config.OLLAMA_MODEL],
				preloaded: true,
				numParallel: 4,
				tokensPerSecond: 80,
				scripts: [simulatedCharacterReply],
			});
			env.OLLAMA_BASE_URL = sim.url;
			delete env.OLLAMA_HOSTS;
			delete env.OLLAMA_ROLES_FILE;
			simulated.push(`Ollama is SIMULATED (nothing answered at ${ollamaUrls.join(', ')}): replies are canned, not a model's.`);
		}
		if (simulated.length > 0) env.ALLOW_SIMULATED_PARTS = 'true';
	} catch (error) {
		await Promise.all([emulator?.close(), sim?.close(), redis?.close()]);
		throw error;
	}

	const processes: SupervisedProcess[] = [];
	for (const app of PlatformApps) {
		const healthPort = await findFreePort();
		processes.push(
			superviseProcess({
				name: app.name,
				command: process.execPath,
				args: [...app.nodeFlags, '--import', 'tsx', resolveFromRoot(app.entry)],
				env: { ...env, HEALTH_PORT: String(healthPort) },
				cwd: repoRoot(),
				logger,
				output: print,
			}),
		);
		print(`${app.name}: health at http://127.0.0.1:${healthPort}/readyz`);
	}

	const banner = [
		'',
		'================================================================',
		' charbot is running locally',
		...simulated.map((line) => ` !! ${line}`),
		...(emulator ? [` Playground: ${emulator.url}`, ' Open it, pick a user and write "Peter, what\'s up?"'] : []),
		' Ctrl-C stops everything.',
		'================================================================',
		'',
	];
	for (const line of banner) print(line);

	return {
		playgroundUrl: emulator?.url,
		processes,
		stop: async () => {
			await Promise.all(processes.map((child) => child.stop((config.SHUTDOWN_TIMEOUT + 2) * 1000)));
			await Promise.all([emulator?.close(), sim?.close()]);
			await redis?.close();
		},
	};
}
