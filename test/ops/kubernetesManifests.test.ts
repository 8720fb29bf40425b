// deploy/kubernetes, rendered per overlay with `kubectl kustomize` and checked without a cluster: every object against
// the Kubernetes and KEDA schemas, then the wiring no schema sees (each app's settings, Secrets and ConfigMaps, probes,
// shards, KEDA's triggers). The last block shows on a real Redis that the queue depths KEDA reads are where BullMQ keeps
// the waiting jobs.
import { existsSync, readFileSync } from 'node:fs';
import type { IScaledObject, ITriggerAuthentication } from '@kubernetes-models/keda/keda.sh/v1alpha1';
import { Keyspace, loadConfig, resolveFromRoot, type SettingName, settingDefinitions, startHealthServer } from '@charbot/core';
import { createQueueMetrics, enqueueRouteJob, QueueName } from '@charbot/contracts';
import { startRedisServer, type RedisServer } from '@charbot/testkit';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { IDeployment, IStatefulSet } from 'kubernetes-models/apps/v1';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1';
import type { IContainer, IPodTemplateSpec, IService } from 'kubernetes-models/v1';
import { Registry } from 'prom-client';
import { parse as parseDotenv } from 'dotenv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUnknownKubernetesFields } from './findUnknownKubernetesFields.js';
import { type ComposeService, loadComposeFile } from './loadComposeFile.js';
import { type KubernetesObject, KubernetesManifestsDir, kustomizeOverlays, renderKustomizeOverlay } from './renderKustomizeOverlay.js';
import { type PodFields, resolveContainerEnv } from './resolveContainerEnv.js';
import { validateKubernetesObject } from './validateKubernetesObject.js';

/** The apps of docker-compose.yaml (the services built from the Dockerfile): each must run on Kubernetes too. */
const compose = loadComposeFile();
const apps = Object.entries(compose.raw.services)
	.filter(([, service]) => service.build !== undefined)
	.map(([name]) => name)
	.sort();
/** The queue each scaled worker takes its jobs from. */
const consumedQueue: Readonly<Record<string, QueueName>> = {
	'message-router': QueueName.Route,
	'quality-control': QueueName.Review,
	delivery: QueueName.Deliver,
};
/** Queues whose jobs are added with a BullMQ priority (enqueueRouteJob): their waiting jobs are in `:prioritized`, not `:wait`. */
const prioritizedQueues: ReadonlySet<QueueName> = new Set([QueueName.Route]);
/** Variables the manifests define for Kubernetes' `$(NAME)` expansion; no charbot setting reads them. */
const helperVariables = new Set(['POD_INDEX']);
const podIndexField = "metadata.labels['apps.kubernetes.io/pod-index']";
/** The image's `node` user (Dockerfile `USER node`). */
const nodeUid = 1000;

type Workload = (IDeployment | IStatefulSet) & KubernetesObject;
const isSetting = (name: string): name is SettingName => Object.hasOwn(settingDefinitions, name);
const byKind = <T>(objects: readonly KubernetesObject[], kind: string) =>
	objects.filter((object) => object.kind === kind) as unknown as (T & KubernetesObject)[];
const workloadsOf = (objects: readonly KubernetesObject[]) =>
	objects.filter((object) => object.kind === 'Deployment' || object.kind === 'StatefulSet') as unknown as Workload[];
const templateOf = (workload: Workload): IPodTemplateSpec => workload.spec?.template as IPodTemplateSpec;
const containerOf = (workload: Workload): IContainer => {
	const containers = templateOf(workload).spec?.containers ?? [];
	expect(containers, `${workload.metadata.name}: one container`).toHaveLength(1);
	return containers[0] as IContainer;
};
const matches = (selector: Readonly<Record<string, string>> | undefined, labels: Readonly<Record<string, string>> | undefined) =>
	selector !== undefined && Object.keys(selector).length > 0 && Object.entries(selector).every(([key, value]) => labels?.[key] === value);
/** The pods a workload runs, each with the fields `fieldRef` may read: a StatefulSet's have their ordinal. */
const podsOf = (workload: Workload): PodFields[] => {
	if (workload.kind !== 'StatefulSet') return [{ 'metadata.name': `${workload.metadata.name}-pod`, 'metadata.namespace': 'charbot' }];
	return Array.from({ length: workload.spec?.replicas ?? 1 }, (_, ordinal) => ({
		'metadata.name': `${workload.metadata.name}-${ordinal}`,
		'metadata.namespace': 'charbot',
		[podIndexField]: String(ordinal),
	}));
};
/** Settings compose gives an app a value of its own (not `${X:-}`, which leaves the setting's default). */
const composeSettings = (app: string): string[] => {
	const environment = (compose.raw.services[app] as ComposeService).environment ?? {};
	if (Array.isArray(environment)) throw new Error(`${app}: the checks read compose's environment as a map`);
	return Object.entries(environment)
		.filter(([, value]) => !/^\$\{[A-Z0-9_]+:-\}$/.test(String(value ?? '')))
		.map(([name]) => name);
};
const composeCommand = (app: string): string[] => {
	const command = (compose.raw.services[app] as ComposeService).command;
	return typeof command === 'string' ? command.split(/\s+/) : [...(command ?? [])];
};

const overlays = kustomizeOverlays();
const renders = new Map<string, KubernetesObject[]>();
/** The overlay rendered once, as `kubectl apply -k` would see it. */
const render = (overlay: string): KubernetesObject[] => {
	const cached = renders.get(overlay);
	if (cached !== undefined) return cached;
	const objects = renderKustomizeOverlay(overlay);
	renders.set(overlay, objects);
	return objects;
};

it('has a production overlay and at least one other', () => {
	expect(overlays).toContain('production');
	expect(overlays.length).toBeGreaterThanOrEqual(2);
});

describe.each(overlays)('deploy/kubernetes/overlays/%s', (overlay) => {
	it('renders, and every object matches its Kubernetes or KEDA schema (unknown kinds and fields fail)', () => {
		const objects = render(overlay);
		expect(objects.length).toBeGreaterThan(0);
		for (const object of objects) validateKubernetesObject(object);
		expect(findUnknownKubernetesFields(objects), 'fields the kinds do not have').toEqual([]);
	});

	it('runs every compose app: the gateway as a StatefulSet, the others as Deployments, each on the one image, with its compose command', () => {
		const workloads = workloadsOf(render(overlay));
		expect(workloads.map((workload) => workload.metadata.name).sort()).toEqual(apps);
		const images = new Set<string>();
		for (const workload of workloads) {
			const name = workload.metadata.name;
			expect(workload.kind, name).toBe(name === 'gateway' ? 'StatefulSet' : 'Deployment');
			const container = containerOf(workload);
			expect(container.command, `${name}: the command compose runs it with`).toEqual(composeCommand(name));
			images.add(container.image ?? '');
			expect(matches(workload.spec?.selector.matchLabels, templateOf(workload).metadata?.labels), `${name}: its selector picks its pods`).toBe(true);
		}
		expect(images.size, 'one image for every app').toBe(1);
		// The overlay names a registry's image with a tag; the base's bare `charbot` would be pulled from Docker Hub.
		expect([...images][0]).toMatch(/^[a-z0-9.-]+(:\d+)?\/[a-z0-9./_-]+:[\w.-]+$/);
	});

	it('gives each app settings that load as it would load them, every one compose gives it, and secrets only from Secrets', () => {
		const objects = render(overlay);
		for (const workload of workloadsOf(objects)) {
			const name = workload.metadata.name;
			const container = containerOf(workload);
			for (const variable of container.env ?? []) {
				expect(isSetting(variable.name) || helperVariables.has(variable.name), `${name}: ${variable.name} is no charbot setting`).toBe(true);
				if (isSetting(variable.name) && 'secret' in settingDefinitions[variable.name]) {
					expect(variable.valueFrom?.secretKeyRef, `${name}: ${variable.name} is a secret: from a Secret, never inline`).toBeDefined();
				}
			}
			for (const pod of podsOf(workload)) {
				const env = resolveContainerEnv(container, objects, pod);
				for (const key of Object.keys(env)) expect(isSetting(key) || helperVariables.has(key), `${name}: ${key} is no charbot setting`).toBe(true);
				// The settings' own schemas (zod) and their one cross-rule (shard ids below the count), as each app starts with them.
				expect(() => loadConfig(env), `${pod['metadata.name']}: its settings do not load`).not.toThrow();
				for (const setting of composeSettings(name)) expect(env[setting], `${name}: compose sets ${setting}, this does not`).toBeTruthy();
				expect(env.NODE_ENV, name).toBe('production');
				expect(env.ALLOW_SIMULATED_PARTS, `${name} must not allow simulated parts`).toBeUndefined();
				expect(env.DISCORD_API_URL, `${name} must talk to Discord itself`).toBeUndefined();
				expect(env.DISCORD_TOKEN !== undefined, `${name}: the token goes to the gateway and delivery only`).toBe(name === 'gateway' || name === 'delivery');
				expect(env.WEBHOOK_TOKEN_KEY !== undefined, `${name}: the webhook token key goes to delivery only`).toBe(name === 'delivery');
			}
		}
	});

	it('generates the Secret from secrets.env with exactly the keys of secrets.env.example, each one used', () => {
		const objects = render(overlay);
		const example = parseDotenv(readFileSync(resolveFromRoot(`${KubernetesManifestsDir}/overlays/${overlay}/secrets.env.example`), 'utf8'));
		const secrets = byKind<{ data?: Record<string, string> }>(objects, 'Secret');
		expect(secrets, 'one generated Secret').toHaveLength(1);
		const secret = secrets[0] as { metadata: { name: string }; data?: Record<string, string> };
		expect(Object.keys(secret.data ?? {}).sort()).toEqual(Object.keys(example).sort());
		const used = new Set<string>();
		for (const workload of workloadsOf(objects)) {
			for (const variable of containerOf(workload).env ?? []) {
				const ref = variable.valueFrom?.secretKeyRef;
				if (ref !== undefined) {
					expect(ref.name, `${workload.metadata.name}: ${variable.name}`).toBe(secret.metadata.name);
					used.add(ref.key);
				}
			}
		}
		for (const auth of byKind<ITriggerAuthentication>(objects, 'TriggerAuthentication')) {
			for (const ref of auth.spec?.secretTargetRef ?? []) {
				expect(ref.name, `TriggerAuthentication ${auth.metadata.name}: ${ref.parameter}`).toBe(secret.metadata.name);
				expect(Object.keys(secret.data ?? {}), `TriggerAuthentication ${auth.metadata.name}: ${ref.parameter}`).toContain(ref.key);
				used.add(ref.key);
			}
		}
		expect([...used].sort(), 'every key of secrets.env.example is read by someone').toEqual(Object.keys(example).sort());
	});

	it('probes /healthz (startup, liveness) and /readyz (readiness) at HEALTH_PORT, and gives each pod longer to stop than SHUTDOWN_TIMEOUT', () => {
		const objects = render(overlay);
		for (const workload of workloadsOf(objects)) {
			const name = workload.metadata.name;
			const container = containerOf(workload);
			const config = loadConfig(resolveContainerEnv(container, objects, podsOf(workload)[0] as PodFields));
			const portOf = (port: number | string | undefined) =>
				typeof port === 'number' ? port : container.ports?.find((candidate) => candidate.name === port)?.containerPort;
			for (const [probe, path] of [
				['startupProbe', '/healthz'],
				['livenessProbe', '/healthz'],
				['readinessProbe', '/readyz'],
			] as const) {
				const httpGet = container[probe]?.httpGet;
				expect(httpGet?.path, `${name}: ${probe}`).toBe(path);
				expect(portOf(httpGet?.port), `${name}: ${probe} port`).toBe(config.HEALTH_PORT);
			}
			expect(templateOf(workload).spec?.terminationGracePeriodSeconds ?? 30, `${name}: terminationGracePeriodSeconds`).toBeGreaterThan(config.SHUTDOWN_TIMEOUT);
			if (name === 'llm-service')
				expect(config.LLM_SERVICE_HOST, 'llm-service: its API, probes included, must listen beyond loopback').not.toMatch(/^127\.|^::1$|^localhost$/);
		}
	});

	it('runs every container as the non-root node user, read-only, without capabilities, with CPU and memory requests below limits', () => {
		for (const workload of workloadsOf(render(overlay))) {
			const name = workload.metadata.name;
			const pod = templateOf(workload).spec;
			const container = containerOf(workload);
			expect(pod?.securityContext?.runAsNonRoot, name).toBe(true);
			expect(container.securityContext?.runAsUser ?? pod?.securityContext?.runAsUser, name).toBe(nodeUid);
			expect(container.securityContext?.readOnlyRootFilesystem, name).toBe(true);
			expect(container.securityContext?.allowPrivilegeEscalation, name).toBe(false);
			expect(container.securityContext?.capabilities?.drop, name).toEqual(['ALL']);
			expect(pod?.automountServiceAccountToken, `${name} talks to no Kubernetes API`).toBe(false);
			// Service links would add variables such as LLM_SERVICE_PORT=tcp://... beside the settings.
			expect(pod?.enableServiceLinks, name).toBe(false);
			for (const resource of ['cpu', 'memory'] as const) {
				const request = container.resources?.requests?.[resource];
				const limit = container.resources?.limits?.[resource];
				expect(request, `${name}: ${resource} request`).toBeDefined();
				expect(limit, `${name}: ${resource} limit`).toBeDefined();
				expect(quantity(String(request)), `${name}: ${resource} request ≤ limit`).toBeLessThanOrEqual(quantity(String(limit)));
			}
		}
	});

	it('runs one gateway shard per pod: shard id = ordinal, shard count = replicas, a spool volume each, a headless Service', () => {
		const objects = render(overlay);
		const gateway = workloadsOf(objects).find((workload) => workload.kind === 'StatefulSet') as IStatefulSet & KubernetesObject;
		const container = containerOf(gateway);
		const replicas = gateway.spec?.replicas ?? 1;
		const envNames = (container.env ?? []).map((variable) => variable.name);
		expect(envNames.indexOf('POD_INDEX'), 'POD_INDEX is defined before DISCORD_SHARD_IDS expands it').toBeLessThan(envNames.indexOf('DISCORD_SHARD_IDS'));
		expect(envNames.indexOf('POD_INDEX')).toBeGreaterThanOrEqual(0);
		for (const [ordinal, pod] of podsOf(gateway).entries()) {
			const config = loadConfig(resolveContainerEnv(container, objects, pod));
			expect(config.DISCORD_SHARD_COUNT, 'DISCORD_SHARD_COUNT equals the StatefulSet replicas').toBe(replicas);
			expect(config.DISCORD_SHARD_IDS, `${pod['metadata.name']} runs shard ${ordinal} alone`).toEqual([ordinal]);
			const mount = container.volumeMounts?.find((candidate) => candidate.mountPath === config.GATEWAY_SPOOL_DIR);
			expect(mount, 'GATEWAY_SPOOL_DIR is a mounted volume (the root file system is read-only)').toBeDefined();
			expect(
				gateway.spec?.volumeClaimTemplates?.map((claim) => claim.metadata?.name),
				'the spool is a volume claim per pod: each holds its own shard',
			).toContain(mount?.name);
		}
		expect(gateway.spec?.podManagementPolicy ?? 'OrderedReady', 'shards start one after another (no shared identify lock)').toBe('OrderedReady');
		const service = byKind<IService>(objects, 'Service').find((candidate) => candidate.metadata.name === gateway.spec?.serviceName);
		expect(service?.spec?.clusterIP, 'serviceName names a headless Service').toBe('None');
	});

	it('routes every Service to a workload and a named container port', () => {
		const objects = render(overlay);
		for (const service of byKind<IService>(objects, 'Service')) {
			const targets = workloadsOf(objects).filter((workload) => matches(service.spec?.selector, templateOf(workload).metadata?.labels));
			expect(targets, `Service ${service.metadata.name} selects one workload`).toHaveLength(1);
			const ports = containerOf(targets[0] as Workload).ports ?? [];
			for (const port of service.spec?.ports ?? []) {
				const target = port.targetPort ?? port.port;
				expect(
					ports.some((candidate) => candidate.name === target || candidate.containerPort === target),
					`Service ${service.metadata.name}: port ${target}`,
				).toBe(true);
			}
		}
	});

	it('has a PodDisruptionBudget for each workload that lets a drain proceed', () => {
		const objects = render(overlay);
		const budgets = byKind<IPodDisruptionBudget>(objects, 'PodDisruptionBudget');
		for (const workload of workloadsOf(objects)) {
			const own = budgets.filter((budget) => matches(budget.spec?.selector?.matchLabels, templateOf(workload).metadata?.labels));
			expect(own, `${workload.metadata.name}: one PodDisruptionBudget`).toHaveLength(1);
			// minAvailable at the replica count (or maxUnavailable 0) would block every node drain.
			expect(own[0]?.spec?.maxUnavailable, workload.metadata.name).toBe(1);
		}
		expect(budgets).toHaveLength(workloadsOf(objects).length);
	});

	it("scales router, quality control and delivery with KEDA on their queue's waiting jobs, counted where BullMQ keeps them", () => {
		const objects = render(overlay);
		const scaled = byKind<IScaledObject>(objects, 'ScaledObject');
		const deployments = workloadsOf(objects).filter((workload) => workload.kind === 'Deployment');
		expect(scaled.map((object) => object.spec.scaleTargetRef.name).sort()).toEqual(Object.keys(consumedQueue).sort());
		for (const object of scaled) {
			const target = object.spec.scaleTargetRef;
			expect(target.kind ?? 'Deployment', object.metadata.name).toBe('Deployment');
			const deployment = deployments.find((candidate) => candidate.metadata.name === target.name);
			expect(deployment, `ScaledObject ${object.metadata.name} targets no Deployment ${target.name}`).toBeDefined();
			expect(deployment?.spec?.replicas, `${target.name}: KEDA owns its replicas; \`kubectl apply\` would reset them`).toBeUndefined();
			const config = loadConfig(resolveContainerEnv(containerOf(deployment as Workload), objects, {}));
			const queue = consumedQueue[target.name] as QueueName;
			expect(object.spec.minReplicaCount ?? 0, `${target.name}: keeps one replica`).toBeGreaterThanOrEqual(1);
			expect(object.spec.maxReplicaCount ?? 100, target.name).toBeGreaterThanOrEqual(object.spec.minReplicaCount ?? 0);
			expect(object.spec.triggers, target.name).toHaveLength(1);
			const trigger = object.spec.triggers[0] as IScaledObject['spec']['triggers'][number];
			if (prioritizedQueues.has(queue)) {
				// KEDA's redis scaler only does LLEN on a list: on `:wait` it would read 0 while jobs pile up in `:prioritized`.
				expect(trigger.type, `${target.name}: the ${queue} queue's jobs are prioritized`).toBe('prometheus');
				const query = trigger.metadata.query ?? '';
				// Every process with the queue (the gateway, each router) reports the same depth: the most of them per state, then the states added.
				expect(query, `${target.name}: not one count per process`).toMatch(/^sum\(max by \(state\) \(charbot_queue_jobs\{[^}]*\}\)\)$/);
				expect(query).toContain(`queue="${queue}"`);
				expect(/state=~"([^"]*)"/.exec(query)?.[1]?.split('|'), `${target.name}: counts the prioritized jobs`).toContain('prioritized');
			} else {
				expect(trigger.type, target.name).toBe('redis');
				// BullMQ's key of the queue's waiting jobs, under the prefix the apps give the queue.
				expect(trigger.metadata.listName, target.name).toBe(`${new Keyspace(config.REDIS_KEY_PREFIX).queuePrefix(queue)}:${queue}:wait`);
				expect(Number(trigger.metadata.listLength), target.name).toBeGreaterThan(0);
				const auth = byKind<ITriggerAuthentication>(objects, 'TriggerAuthentication').find(
					(candidate) => candidate.metadata.name === trigger.authenticationRef?.name,
				);
				expect(auth, `${target.name}: authenticationRef`).toBeDefined();
				expect(auth?.spec?.secretTargetRef?.map((ref) => ref.parameter).sort()).toEqual(['address', 'password', 'username']);
			}
		}
	});
});

it('is documented in docs/kubernetes.md, linked from the README: every secret key, and only repository paths that exist', () => {
	const doc = readFileSync(resolveFromRoot('docs/kubernetes.md'), 'utf8');
	expect(readFileSync(resolveFromRoot('README.md'), 'utf8')).toContain('(docs/kubernetes.md)');
	for (const overlay of overlays) {
		const example = parseDotenv(readFileSync(resolveFromRoot(`${KubernetesManifestsDir}/overlays/${overlay}/secrets.env.example`), 'utf8'));
		for (const key of Object.keys(example)) expect(doc, `docs/kubernetes.md explains ${key}`).toContain(`\`${key}\``);
	}
	for (const match of doc.matchAll(/(?<![\w/.-])((?:apps|packages|deploy|ops|test|bench)\/[\w./-]*\w)/g)) {
		expect(existsSync(resolveFromRoot(match[1] ?? '')), `docs/kubernetes.md names ${match[1]}`).toBe(true);
	}
});

describe('what the probes and KEDA read, against the real code', () => {
	let redis: RedisServer;
	const production = () => render('production');
	beforeAll(async () => {
		redis = await startRedisServer();
	});
	afterAll(async () => {
		await redis?.close();
	});

	it("finds the probes' paths served by the apps' health server (and the LLM service's own routes)", async () => {
		const health = await startHealthServer({ port: 0, host: '127.0.0.1', checks: { ready: () => ({ ok: true }) } });
		try {
			for (const workload of workloadsOf(production()).filter((candidate) => candidate.metadata.name !== 'llm-service')) {
				const container = containerOf(workload);
				for (const probe of [container.startupProbe, container.livenessProbe, container.readinessProbe]) {
					const response = await fetch(`${health.url}${probe?.httpGet?.path}`);
					expect(response.status, `${workload.metadata.name}: ${probe?.httpGet?.path}`).toBe(200);
				}
			}
		} finally {
			await health.close();
		}
		// The LLM service answers them on its API (Fastify), which needs Redis and the model hosts to start.
		const routes = readFileSync(resolveFromRoot('apps/llm-service/src/routes/health/registerHealthRoutes.ts'), 'utf8');
		const llmService = containerOf(workloadsOf(production()).find((workload) => workload.metadata.name === 'llm-service') as Workload);
		for (const probe of [llmService.startupProbe, llmService.livenessProbe, llmService.readinessProbe]) {
			expect(routes, `llm-service: ${probe?.httpGet?.path}`).toContain(`app.get('${probe?.httpGet?.path}'`);
		}
	});

	it('counts route jobs as the gateway adds them (prioritized: not in the wait list) and review and deliver jobs in the lists KEDA reads', async () => {
		const scaled = byKind<IScaledObject>(production(), 'ScaledObject');
		const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
		const client = new Redis(redis.url);
		// The queues as the apps open them, with the manifests' REDIS_KEY_PREFIX.
		const keyspace = new Keyspace('charbot');
		const queueFor = (name: QueueName) => new Queue(name, { connection, prefix: keyspace.queuePrefix(name) });
		const queues = [queueFor(QueueName.Route), queueFor(QueueName.Review), queueFor(QueueName.Deliver)];
		try {
			const [route, review, deliver] = queues as [Queue, Queue, Queue];
			await enqueueRouteJob(route, 'k8s-route-1', {
				jobKey: 'k8s-route-1',
				message: {
					id: '100000000000000001',
					channelId: '100000000000000002',
					guildId: '100000000000000003',
					author: { id: '100000000000000004', username: 'member', displayName: 'Member', isBot: false },
					content: 'hello Peter',
					createdAt: Date.now(),
				},
				characterId: 'peter',
				trigger: 'name',
				cascadeDepth: 0,
			});
			await review.add('review', { any: 'payload' });
			await deliver.add('deliver', { any: 'payload' });
			await deliver.add('deliver', { any: 'payload' });
			const expected: Record<string, number> = { [QueueName.Route]: 1, [QueueName.Review]: 1, [QueueName.Deliver]: 2 };

			const registry = new Registry();
			createQueueMetrics(registry, queues);
			const series = await registry.getSingleMetric('charbot_queue_jobs')?.get();
			for (const object of scaled) {
				const queue = consumedQueue[object.spec.scaleTargetRef.name] as QueueName;
				const trigger = object.spec.triggers[0] as IScaledObject['spec']['triggers'][number];
				if (trigger.type === 'redis') {
					expect(await client.llen(trigger.metadata.listName ?? ''), `${queue}: LLEN ${trigger.metadata.listName}`).toBe(expected[queue]);
					continue;
				}
				// What the Prometheus query sums: the gauge's series of that queue in the states it names.
				expect(await client.llen(`${keyspace.queuePrefix(queue)}:${queue}:wait`), `${queue}: its wait list is empty while jobs wait`).toBe(0);
				const states = /state=~"([^"]*)"/.exec(trigger.metadata.query ?? '')?.[1]?.split('|') ?? [];
				const counted = (series?.values ?? [])
					.filter((value) => value.labels.queue === queue && states.includes(String(value.labels.state)))
					.reduce((sum, value) => sum + value.value, 0);
				expect(counted, `${queue}: charbot_queue_jobs in ${states.join('|')}`).toBe(expected[queue]);
			}
		} finally {
			await Promise.all(queues.map((queue) => queue.close()));
			connection.disconnect();
			client.disconnect();
		}
	});
});

/** A Kubernetes quantity (`250m`, `1`, `128Mi`, `1G`) as a plain number, to compare a request with its limit. */
function quantity(text: string): number {
	const match = /^(\d+(?:\.\d+)?)(m|k|M|G|T|Ki|Mi|Gi|Ti)?$/.exec(text);
	if (match === null) throw new Error(`unreadable quantity ${text}`);
	const units: Record<string, number> = { m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };
	return Number(match[1]) * (match[2] === undefined ? 1 : (units[match[2]] as number));
}
