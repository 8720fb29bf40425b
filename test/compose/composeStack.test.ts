import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Keyspace, resolveFromRoot } from '@charbot/core';
import { findFreePort } from '@charbot/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askMembers } from './askMembers.js';
import { type ComposeProject, composeEnvironment, type ContainerState, openComposeProject, requireDocker } from './ComposeProject.js';
import { EmulatorClient } from './EmulatorClient.js';
import { writeComposeEnv } from './writeComposeEnv.js';

// `npm run test:compose`: the real Dockerfile and docker-compose.yaml, started on this machine's Docker engine with
// test/compose/docker-compose.test.yaml (emulated Discord, simulated Ollama, Redis for KeyDB). It never skips: without
// Docker it fails and says what to install.

const appServices = ['gateway', 'message-router', 'quality-control', 'delivery', 'llm-service'];
const pullServices = ['ollama-1-pull', 'ollama-2-pull'];
const queues = ['route', 'review', 'deliver'];

const figures: Record<string, unknown> = {};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (values: readonly number[], share: number) =>
	[...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * share))] ?? NaN;
const latencyFigures = (latencies: readonly number[]) => ({
	p50Ms: percentile(latencies, 0.5),
	p95Ms: percentile(latencies, 0.95),
	maxMs: Math.max(...latencies),
});

let workDir = '';
let project: ComposeProject | undefined;
let emulator: EmulatorClient;
let sims: string[] = [];
let down = false;
const volumesSeen = new Set<string>();

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
	const startedAt = Date.now();
	const result = await work();
	return [result, Date.now() - startedAt];
}

function stack(): ComposeProject {
	if (!project) throw new Error('the compose project was not opened (see the first failure)');
	return project;
}

/** Containers of the project, remembering their volumes for the check after `down`. */
async function containers(): Promise<ContainerState[]> {
	const list = await stack().containers();
	for (const container of list) for (const volume of container.volumes) volumesSeen.add(volume);
	return list;
}

/** Waits until every long-running container is healthy and every one-shot exited 0; returns them. */
async function allHealthy(timeoutMs: number, expectedRouters: number): Promise<ContainerState[]> {
	const deadline = Date.now() + timeoutMs;
	let last: ContainerState[] = [];
	while (Date.now() < deadline) {
		last = await containers();
		const running = last.filter((container) => !pullServices.includes(container.service));
		const failedPull = last.find((container) => pullServices.includes(container.service) && container.status === 'exited' && container.exitCode !== 0);
		if (failedPull) throw new Error(`${failedPull.name} exited with ${failedPull.exitCode}:\n${await logs(failedPull.name)}`);
		const routers = running.filter((container) => container.service === 'message-router' && container.status === 'running');
		const pullsDone = pullServices.every((service) => last.some((container) => container.service === service && container.status === 'exited'));
		if (pullsDone && routers.length === expectedRouters && running.every((container) => container.status !== 'running' || container.health === 'healthy')) {
			return last;
		}
		await sleep(1000);
	}
	const unhealthy = last.filter((container) => container.health !== 'healthy' && !pullServices.includes(container.service));
	const details = await Promise.all(
		unhealthy.map(async (container) => `--- ${container.name} (${container.status}/${container.health}) ---\n${await logs(container.name)}`),
	);
	throw new Error(`not every service was healthy within ${timeoutMs} ms:\n${details.join('\n')}`);
}

async function logs(container: string): Promise<string> {
	return stack()
		.docker(['logs', '--tail', '40', container])
		.catch((error: Error) => error.message);
}

/** GET /readyz inside the container (the apps publish no port but the LLM service's): status and body. */
async function readyz(container: string): Promise<{ status: number; body: string }> {
	const script = "fetch('http://127.0.0.1:8080/readyz').then(async (r) => console.log(JSON.stringify({ status: r.status, body: await r.text() })))";
	return JSON.parse(await stack().docker(['exec', container, 'node', '-e', script])) as { status: number; body: string };
}

/** The count of route jobs this router completed, from its /metrics. */
async function routesCompleted(container: string): Promise<number> {
	const script = "fetch('http://127.0.0.1:8080/metrics').then(async (r) => console.log(await r.text()))";
	const text = await stack().docker(['exec', container, 'node', '-e', script]);
	const line = text
		.split('\n')
		.find((each) => each.startsWith('charbot_queue_jobs_processed_total{') && each.includes('queue="route"') && each.includes('outcome="completed"'));
	return line === undefined ? NaN : Number(line.split(' ').at(-1));
}

/** Runs redis-cli commands in the redis container as the admin user (REDISCLI_AUTH is set there); one number each. */
async function redisCounts(commands: readonly string[]): Promise<number[]> {
	const redis = (await containers()).find((container) => container.service === 'redis' && container.status === 'running');
	if (!redis) throw new Error('no running redis container');
	const script = commands.map((command) => `redis-cli --no-auth-warning --user admin ${command}`).join('; ');
	const output = await stack().docker(['exec', redis.name, 'sh', '-c', script]);
	const counts = output.split('\n').filter(Boolean).map(Number);
	if (counts.length !== commands.length || counts.some(Number.isNaN)) throw new Error(`unexpected redis-cli output for ${commands.join('; ')}: ${output}`);
	return counts;
}

// The stack runs with the default REDIS_KEY_PREFIX; the keys as the apps build them, quoted for the shell (hash tags).
const keyspace = new Keyspace('charbot');
const queueKey = (queue: string, suffix: string) => `'${keyspace.queuePrefix(queue)}:${queue}:${suffix}'`;

/** Jobs waiting, active, delayed or prioritized in the route, review and deliver queues. */
async function queueBacklog(): Promise<number> {
	const commands = queues.flatMap((queue) => [
		`LLEN ${queueKey(queue, 'wait')}`,
		`LLEN ${queueKey(queue, 'active')}`,
		`ZCARD ${queueKey(queue, 'delayed')}`,
		`ZCARD ${queueKey(queue, 'prioritized')}`,
	]);
	return (await redisCounts(commands)).reduce((sum, count) => sum + count, 0);
}

async function activeRoutes(): Promise<number> {
	return (await redisCounts([`LLEN ${queueKey('route', 'active')}`]))[0] ?? 0;
}

async function waitIdle(timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while ((await queueBacklog()) > 0) {
		if (Date.now() > deadline) throw new Error(`the queues still held jobs after ${timeoutMs} ms`);
		await sleep(500);
	}
}

async function publishedUrl(service: string, port: number): Promise<string> {
	const container = (await containers()).find((each) => each.service === service);
	if (!container) throw new Error(`no ${service} container`);
	const mapping = (await stack().docker(['port', container.name, String(port)])).split('\n')[0]?.trim() ?? '';
	if (!/^127\.0\.0\.1:\d+$/.test(mapping)) throw new Error(`${service}:${port} is not published on 127.0.0.1 (${mapping})`);
	return `http://${mapping}`;
}

beforeAll(async () => {
	await requireDocker();
	workDir = await mkdtemp(join(tmpdir(), 'charbot-compose-'));
	const name = `charbotct${Date.now().toString(36)}`;
	const env = await writeComposeEnv(workDir, { llmServicePort: await findFreePort(), image: 'charbot:compose-test', devImage: 'charbot-dev:compose-test' });
	project = await openComposeProject({ name, envFile: env.path, workDir });
	figures.project = name;
	figures.compose = project.flavour;
});

afterAll(async () => {
	if (project && !down) await project.compose(['down', '-v', '--remove-orphans', '--timeout', '10']).catch((error: Error) => console.error(error.message));
	if (workDir) await rm(workDir, { recursive: true, force: true });
	process.stdout.write(`compose test figures:\n${JSON.stringify(figures, null, 2)}\n`);
	mkdirSync(resolveFromRoot('test-artifacts'), { recursive: true });
	writeFileSync(resolveFromRoot('test-artifacts/compose-figures.json'), `${JSON.stringify(figures, null, 2)}\n`);
});

describe('the compose stack on this machine', () => {
	it('builds the base images from Debian and npm, then the charbot image from the Dockerfile', async () => {
		const [, baseMs] = await timed(() =>
			promisify(execFile)(resolveFromRoot('scripts/compose/buildBaseImages.sh'), [], {
				env: composeEnvironment(),
				timeout: 900_000,
				maxBuffer: 16 * 1024 * 1024,
			}),
		);
		figures.baseImagesBuildMs = baseMs;
		// One service per image: the apps share the runtime image, the stand-ins the build stage's (v1 would build each service).
		const [, buildMs] = await timed(() => stack().compose(['build', 'gateway', 'discord'], 1_200_000));
		figures.charbotImageBuildMs = buildMs;
		const size = await stack().docker(['image', 'inspect', '--format', '{{.Size}}', 'charbot:compose-test']);
		figures.charbotImageMB = Math.round(Number(size) / 1e6);
		// Built on the local base image: Node 24 as the Dockerfile's NODE_VERSION says.
		expect(await stack().docker(['run', '--rm', 'charbot:compose-test', 'node', '--version'])).toMatch(/^v24\./);
	});

	it('starts every service of docker-compose.yaml healthy', async () => {
		const [list, upMs] = await timed(async () => {
			await stack().compose(['up', '-d', '--no-build'], 600_000);
			return allHealthy(300_000, 2);
		});
		figures.upToAllHealthyMs = upMs;
		expect(new Set(list.map((container) => container.service))).toEqual(
			new Set(['redis', 'keydb', 'ollama-1', 'ollama-2', ...pullServices, 'discord', ...appServices]),
		);
		expect(list.filter((container) => container.service === 'message-router')).toHaveLength(2);
		emulator = new EmulatorClient(await publishedUrl('discord', 3210));
		sims = await Promise.all(['ollama-1', 'ollama-2'].map((service) => publishedUrl(service, 11434)));
	});

	it('every app container answers /readyz, and the LLM service its published port', async () => {
		const apps = (await containers()).filter((container) => appServices.includes(container.service));
		expect(apps).toHaveLength(appServices.length + 1);
		for (const app of apps) expect(await readyz(app.name), app.name).toMatchObject({ status: 200 });
		const llmService = await publishedUrl('llm-service', 8080);
		expect((await fetch(`${llmService}/readyz`)).status).toBe(200);
	});

	it("members' messages through the emulator each get one character reply", async () => {
		const round = await askMembers({ emulator, sims, label: 'first', count: 12 });
		const latencies = await round.awaitReplies(120_000);
		await waitIdle(60_000);
		const replies = await round.replies();
		for (const { token } of round.questions) expect(replies.get(token), token).toEqual({ count: 1, author: 'Peter Griffin' });
		figures.firstRound = { sent: round.questions.length, replied: replies.size, ...latencyFigures(latencies) };
	});

	it('scales to 3 routers, each ready and serving', async () => {
		await stack().compose(['up', '-d', '--no-build', '--scale', 'message-router=3'], 600_000);
		const list = await allHealthy(180_000, 3);
		const routers = list.filter((container) => container.service === 'message-router');
		expect(routers).toHaveLength(3);
		for (const router of routers) expect(await readyz(router.name), router.name).toMatchObject({ status: 200 });
		const before = await Promise.all(routers.map((router) => routesCompleted(router.name)));
		const round = await askMembers({ emulator, sims, label: 'scaled', count: 30 });
		const latencies = await round.awaitReplies(120_000);
		await waitIdle(60_000);
		const replies = await round.replies();
		for (const { token } of round.questions) expect(replies.get(token)?.count, token).toBe(1);
		const after = await Promise.all(routers.map((router) => routesCompleted(router.name)));
		const served = after.map((count, index) => count - (before[index] ?? 0));
		// WORKER_CONCURRENCY=4 each: 30 questions at once cannot all fit one router.
		for (const [index, router] of routers.entries()) expect(served[index], `${router.name} completed no route job`).toBeGreaterThan(0);
		expect(served.reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(30);
		figures.scaledRound = {
			routers: routers.length,
			routeJobsPerRouter: served,
			sent: round.questions.length,
			replied: replies.size,
			...latencyFigures(latencies),
		};
	});

	it('a router killed while messages are in flight: every message still gets exactly one reply', async () => {
		const routers = (await containers()).filter((container) => container.service === 'message-router' && container.status === 'running');
		const victim = routers[0];
		if (!victim) throw new Error('no running router');
		let killedAt = 0;
		let activeAtKill = 0;
		const round = await askMembers({
			emulator,
			sims,
			label: 'killed',
			count: 30,
			afterSending: async (index) => {
				if (index !== 29) return;
				// Every router holds jobs (at most 4 each): more than 8 active means the victim has some too.
				const deadline = Date.now() + 20_000;
				while ((activeAtKill = await activeRoutes()) <= 8 && Date.now() < deadline) await sleep(50);
				await stack().docker(['kill', victim.name]);
				killedAt = Date.now();
			},
		});
		expect(activeAtKill, 'route jobs in flight when the router was killed').toBeGreaterThan(8);
		const latencies = await round.awaitReplies(180_000);
		await waitIdle(120_000);
		// Past another lock period: a job retried late would have posted by now.
		await sleep(12_000);
		const replies = await round.replies();
		const counts = round.questions.map(({ token }) => replies.get(token)?.count ?? 0);
		expect(
			counts.filter((count) => count === 0),
			'questions without a reply',
		).toHaveLength(0);
		expect(
			counts.filter((count) => count > 1),
			'questions answered twice',
		).toHaveLength(0);
		figures.killedRound = {
			killed: victim.name,
			activeRouteJobsAtKill: activeAtKill,
			sent: round.questions.length,
			replied: replies.size,
			lastReplyAfterKillMs: Math.max(...round.questions.map((question, index) => question.sentAt + (latencies[index] ?? 0))) - killedAt,
			...latencyFigures(latencies),
		};
	});

	it('`down -v --remove-orphans` leaves no container, network or volume of the project', async () => {
		await containers();
		const [, downMs] = await timed(() => stack().compose(['down', '-v', '--remove-orphans'], 300_000));
		down = true;
		figures.downMs = downMs;
		const label = `label=com.docker.compose.project=${stack().name}`;
		expect(await stack().containers()).toEqual([]);
		expect((await stack().docker(['network', 'ls', '-q', '--filter', label])).trim()).toBe('');
		expect((await stack().docker(['volume', 'ls', '-q', '--filter', label])).trim()).toBe('');
		// Anonymous volumes carry no project label: every volume a container mounted must be gone too.
		expect(volumesSeen.size).toBeGreaterThan(0);
		const volumes = new Set((await stack().docker(['volume', 'ls', '-q'])).split('\n').filter(Boolean));
		expect([...volumesSeen].filter((volume) => volumes.has(volume))).toEqual([]);
	});
});
