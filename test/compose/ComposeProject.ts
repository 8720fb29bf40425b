import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { resolveFromRoot } from '@charbot/core';

const run = promisify(execFile);

/** One container of the project, as `docker inspect` sees it. */
export interface ContainerState {
	readonly id: string;
	readonly name: string;
	readonly service: string;
	/** running, exited, ... */
	readonly status: string;
	/** healthy, unhealthy, starting; null without a health check. */
	readonly health: string | null;
	readonly exitCode: number;
	/** Named and anonymous volumes it mounts. */
	readonly volumes: readonly string[];
}

/** A compose project of the real docker-compose.yaml and the test override, under its own project name. */
export interface ComposeProject {
	readonly name: string;
	/** `docker compose` (v2) or `docker-compose` (v1), for the report. */
	readonly flavour: string;
	/** Runs a compose subcommand, e.g. `['up', '-d']`; rejects with its output when it fails. */
	compose(args: readonly string[], timeoutMs?: number): Promise<string>;
	/** Runs the engine's own docker client. */
	docker(args: readonly string[], timeoutMs?: number): Promise<string>;
	/** Every container of the project (label com.docker.compose.project), stopped ones too. */
	containers(): Promise<ContainerState[]>;
}

/** Options of {@link openComposeProject}. */
export interface ComposeProjectOptions {
	readonly name: string;
	/** The .env values, written by the test; compose reads nothing else from the shell but PATH and HOME. */
	readonly envFile: string;
	/** Where the v1 copy of docker-compose.yaml goes. */
	readonly workDir: string;
}

// The engine's own client first: another one earlier in PATH may lack the builder (Debian's docker.io is 20.10).
const dockerBinary = existsSync('/usr/bin/docker') ? '/usr/bin/docker' : 'docker';

/** The environment compose and docker run with: the project's values come from the env file, not from this shell. */
export function composeEnvironment(): NodeJS.ProcessEnv {
	const pass = ['HOME', 'DOCKER_HOST', 'XDG_CACHE_HOME', 'CHARBOT_COMPOSE_CACHE', 'NODE_EXTRA_CA_CERTS', 'TMPDIR'];
	return {
		...Object.fromEntries(pass.flatMap((key) => (process.env[key] === undefined ? [] : [[key, process.env[key]]]))),
		PATH: `/usr/bin:/usr/sbin:${process.env.PATH ?? '/bin'}`,
		DOCKER_BUILDKIT: '1',
		// Compose v1 builds through the docker CLI, so with BuildKit (the Dockerfile's RUN --mount needs it).
		COMPOSE_DOCKER_CLI_BUILD: '1',
	};
}

async function exec(command: string, args: readonly string[], timeoutMs: number): Promise<string> {
	try {
		const { stdout } = await run(command, args, { env: composeEnvironment(), cwd: resolveFromRoot('.'), timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
		return stdout;
	} catch (error) {
		const failure = error as Error & { stdout?: string; stderr?: string };
		throw new Error(`${command} ${args.join(' ')} failed: ${failure.message}\n${(failure.stderr ?? '').slice(-6000)}\n${(failure.stdout ?? '').slice(-3000)}`, {
			cause: error,
		});
	}
}

/** Fails with what to do when no Docker engine answers: this test never skips. */
export async function requireDocker(): Promise<void> {
	try {
		await exec(dockerBinary, ['info', '--format', '{{.ServerVersion}}'], 30_000);
	} catch (error) {
		throw new Error(
			`npm run test:compose needs a running Docker engine and ${dockerBinary} could not reach one. Install it (apt-get install docker.io docker-compose debootstrap) and start dockerd (.ci/run does both).\n${(error as Error).message}`,
			{ cause: error },
		);
	}
}

/**
 * Compose v2 (`docker compose`) reads docker-compose.yaml as it is. Compose v1.29 (Debian's `docker-compose`) rejects
 * only its top-level `name:` (the project name, given here with -p anyway): it gets a copy without that one line.
 */
async function composeFiles(workDir: string): Promise<{ flavour: string; command: string; prefix: string[] }> {
	const override = resolveFromRoot('test/compose/docker-compose.test.yaml');
	const v2 = await exec(dockerBinary, ['compose', 'version'], 30_000).then(
		() => true,
		() => false,
	);
	if (v2) return { flavour: 'docker compose (v2)', command: dockerBinary, prefix: ['compose', '-f', resolveFromRoot('docker-compose.yaml'), '-f', override] };
	const version = await exec('docker-compose', ['version', '--short'], 30_000).catch((error: unknown) => {
		throw new Error(`Neither \`docker compose\` nor \`docker-compose\` works: apt-get install docker-compose\n${(error as Error).message}`, { cause: error });
	});
	const original = await readFile(resolveFromRoot('docker-compose.yaml'), 'utf8');
	const lines = original.split('\n');
	const withoutName = lines.filter((line) => !/^name: /.test(line));
	if (lines.length - withoutName.length !== 1) throw new Error('docker-compose.yaml should have exactly one top-level `name:` line');
	const copy = join(workDir, 'docker-compose.v1.yaml');
	await writeFile(copy, withoutName.join('\n'));
	return {
		flavour: `docker-compose ${version.trim()} (v1)`,
		command: 'docker-compose',
		prefix: ['--project-directory', resolveFromRoot('.'), '-f', copy, '-f', override],
	};
}

/** Opens the project: picks the compose flavour and prepares its files; starts nothing. */
export async function openComposeProject(options: ComposeProjectOptions): Promise<ComposeProject> {
	const { flavour, command, prefix } = await composeFiles(options.workDir);
	const base = [...prefix, '-p', options.name, '--env-file', options.envFile];
	const docker = (args: readonly string[], timeoutMs = 120_000) => exec(dockerBinary, args, timeoutMs);
	return {
		name: options.name,
		flavour,
		compose: (args, timeoutMs = 300_000) => exec(command, [...base, ...args], timeoutMs),
		docker,
		containers: async () => {
			const ids = (await docker(['ps', '-aq', '--filter', `label=com.docker.compose.project=${options.name}`])).split('\n').filter(Boolean);
			if (ids.length === 0) return [];
			const inspected = JSON.parse(await docker(['inspect', ...ids])) as DockerInspect[];
			return inspected.map((container) => ({
				id: container.Id,
				name: container.Name.replace(/^\//, ''),
				service: container.Config.Labels['com.docker.compose.service'] ?? '',
				status: container.State.Status,
				health: container.State.Health?.Status ?? null,
				exitCode: container.State.ExitCode,
				volumes: container.Mounts.flatMap((mount) => (mount.Type === 'volume' && mount.Name ? [mount.Name] : [])),
			}));
		},
	};
}

interface DockerInspect {
	Id: string;
	Name: string;
	Config: { Labels: Record<string, string> };
	State: { Status: string; ExitCode: number; Health?: { Status: string } };
	Mounts: { Type: string; Name?: string }[];
}
