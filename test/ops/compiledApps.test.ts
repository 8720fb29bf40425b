// The production build (`npm run build`, tsc -b over tsconfig.build.json): every built package resolves to
// its dist/ under the charbot-dist condition and to its src/ otherwise, every built app (which exports nothing)
// has its dist/main.js, compose's entry files exist after a build, and the compiled gateway runs as a real process with no tsx, against the Discord emulator and a
// real redis-server.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot, resolveFromRoot } from '@charbot/core';
import { type DiscordEmulator, startDiscordEmulator } from '@charbot/discord-emulator';
import { type RedisServer, startRedisServer, uniquePrefix, waitFor } from '@charbot/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformApps } from '../../apps/launcher/src/PlatformApps.js';
import { loadComposeFile } from './loadComposeFile.js';

interface Manifest {
	readonly name: string;
	readonly exports?: Record<string, unknown>;
	readonly dependencies?: Record<string, string>;
}

const root = repoRoot();
const readJson = <T>(path: string): T => JSON.parse(readFileSync(resolveFromRoot(path), 'utf8')) as T;
/** The workspaces the build compiles, as folders (`packages/core`), from the root tsconfig.build.json. */
const built = readJson<{ references: { path: string }[] }>('tsconfig.build.json').references.map((reference) => dirname(reference.path));
const manifestOf = (workspace: string) => readJson<Manifest>(`${workspace}/package.json`);
const folderOf = new Map(
	['apps', 'packages'].flatMap((group) =>
		readdirSync(join(root, group))
			.filter((name) => existsSync(join(root, group, name, 'package.json')))
			.map((name) => [manifestOf(`${group}/${name}`).name, `${group}/${name}`] as const),
	),
);

/** Every file under a folder, as paths relative to it. */
const filesUnder = (folder: string): string[] => readdirSync(folder, { recursive: true, encoding: 'utf8' });

beforeAll(async () => {
	await promisify(execFile)('npm', ['run', 'build'], { cwd: root, timeout: 120_000 });
}, 130_000);

describe('the production build', () => {
	it('compiles each workspace it lists to dist/, with no tests; a package resolves to dist only under charbot-dist, an app runs dist/main.js', () => {
		expect(built.length).toBeGreaterThanOrEqual(8);
		for (const workspace of built) {
			const manifest = manifestOf(workspace);
			if (workspace.startsWith('apps/')) {
				// An app exports nothing: it is run, from dist/main.js, never imported.
				expect(manifest.exports, `${workspace}/package.json: an app has no exports`).toBeUndefined();
				expect(existsSync(join(root, workspace, 'dist/main.js')), `${workspace}/dist/main.js`).toBe(true);
			} else {
				expect(manifest.exports?.['.'], `${workspace}/package.json exports`).toEqual({ 'charbot-dist': './dist/index.js', default: './src/index.ts' });
				expect(existsSync(join(root, workspace, 'dist/index.js')), `${workspace}/dist/index.js`).toBe(true);
			}
			expect(
				filesUnder(join(root, workspace, 'dist')).filter((file) => /\.test\.js$/.test(file)),
				`${workspace}: tests are not emitted`,
			).toEqual([]);
			// A workspace it imports must be built too, and referenced, or tsc -b would compile them out of order.
			const references = readJson<{ references?: { path: string }[] }>(`${workspace}/tsconfig.build.json`).references ?? [];
			const referenced = references.map((reference) => dirname(join(workspace, reference.path)));
			for (const dependency of Object.keys(manifest.dependencies ?? {}).filter((name) => name.startsWith('@charbot/'))) {
				const folder = folderOf.get(dependency) ?? dependency;
				expect(built, `${workspace} depends on ${dependency}: add ${folder} to tsconfig.build.json`).toContain(folder);
				expect(referenced, `${workspace}/tsconfig.build.json must reference ${folder}`).toContain(folder);
			}
		}
	});

	it('emits every entry file compose runs', () => {
		const entries = Object.values(loadComposeFile().raw.services)
			.map((service) => (Array.isArray(service.command) ? service.command.at(-1) : undefined))
			.filter((entry): entry is string => entry?.endsWith('/dist/main.js') === true);
		// gateway, message-router, quality-control, delivery, llm-service
		expect(entries.length).toBe(5);
		for (const entry of entries) expect(existsSync(join(root, entry)), `${entry} after npm run build`).toBe(true);
	});
});

describe('the compiled gateway', () => {
	let redis: RedisServer;
	let emulator: DiscordEmulator;

	beforeAll(async () => {
		[redis, emulator] = await Promise.all([startRedisServer(), startDiscordEmulator({ heartbeatIntervalMs: 1000 })]);
	});
	afterAll(async () => {
		await Promise.all([emulator?.close(), redis?.close()]);
	});

	it('runs from dist without tsx: connects, becomes ready, takes a message, and drains on SIGTERM', async () => {
		const flags = PlatformApps.find((app) => app.name === 'gateway')?.nodeFlags ?? [];
		const child: ChildProcess = spawn(process.execPath, [...flags, '--conditions=charbot-dist', 'apps/gateway/dist/main.js'], {
			cwd: root,
			env: {
				PATH: process.env.PATH ?? '',
				HOME: process.env.HOME ?? '',
				NODE_ENV: 'test',
				REDIS_URL: redis.url,
				REDIS_KEY_PREFIX: uniquePrefix('compiled'),
				DISCORD_TOKEN: emulator.token,
				DISCORD_API_URL: emulator.apiUrl,
				ALLOW_SIMULATED_PARTS: 'true',
				HEALTH_PORT: '0',
				HEALTH_HOST: '127.0.0.1',
				LOG_FORMAT: 'json',
				LOG_LEVEL: 'debug',
				SHUTDOWN_TIMEOUT: '10',
			},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
		const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
		try {
			await waitFor(
				() => {
					if (child.exitCode !== null) throw new Error(`the compiled gateway exited:\n${output}`);
					return output.includes('gateway connected as');
				},
				'the compiled gateway to connect',
				30_000,
			);
			const url = /health server listening on (http:\/\/[^"\s]+)/.exec(output)?.[1];
			expect((await fetch(`${url}/readyz`)).status).toBe(200);
			const posted = emulator.control.postMessage({
				channelId: emulator.seed?.channels.general ?? '',
				authorId: emulator.seed?.users.alice ?? '',
				content: 'Peter, are you compiled now?',
			});
			await waitFor(() => output.includes(`msg-${posted.id}-peter`), 'the route job to be logged', 15_000);
			child.kill('SIGTERM');
			expect(await exited).toBe(0);
			expect(output).toMatch(/shutdown complete/);
		} finally {
			if (child.exitCode === null) child.kill('SIGKILL');
		}
	}, 60_000);
});
