// docker-compose.yaml, checked without a Docker engine: references, wiring, health checks, ports and
// variables. When the docker CLI has its compose plugin, `docker compose config` checks it as well.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, resolveFromRoot, type SettingName, settingDefinitions } from '@charbot/core';
import { describe, expect, it } from 'vitest';
import { PlatformApps } from '../../apps/launcher/src/PlatformApps.js';
import { interpolateCompose, MissingComposeVariableError } from './composeInterpolation.js';
import { type ComposeService, loadComposeFile } from './loadComposeFile.js';

const root = repoRoot();
const compose = loadComposeFile();
/** The .env values compose requires: the token, the Redis users' passwords and the webhook token key. */
const requiredEnv = {
	DISCORD_TOKEN: 'placeholder-token-for-the-check',
	REDIS_ADMIN_PASSWORD: 'placeholder-admin-password-000000',
	REDIS_GATEWAY_PASSWORD: 'placeholder-gateway-password-0000',
	REDIS_ROUTER_PASSWORD: 'placeholder-router-password-00000',
	REDIS_QC_PASSWORD: 'placeholder-qc-password-000000000',
	REDIS_DELIVERY_PASSWORD: 'placeholder-delivery-password-000',
	REDIS_LLM_SERVICE_PASSWORD: 'placeholder-llm-service-password0',
	WEBHOOK_TOKEN_KEY: 'cGxhY2Vob2xkZXIta2V5LWZvci10aGUtY2hlY2stMDA=',
	LLM_SERVICE_ADMIN_TOKEN: 'placeholder-llm-service-admin-token',
};
/** What `docker compose` sees with a .env that sets only what it requires: every other value is a default. */
const resolved = compose.resolve(requiredEnv);
const services = Object.entries(resolved.services);
const rawServices = compose.raw.services;
const serviceNames = new Set(Object.keys(resolved.services));

const isSetting = (name: string): name is SettingName => Object.hasOwn(settingDefinitions, name);
const settingDefault = (name: SettingName): unknown => settingDefinitions[name].schema.parse(undefined);
/** An app runs from the charbot image (it has a build); the others are Redis, KeyDB and Ollama. */
const isApp = (service: ComposeService) => service.build !== undefined;
/** A one-shot task (a model pull): runs to completion, never restarted. */
const isOneShot = (service: ComposeService) => service.restart === 'no';
const environmentOf = (service: ComposeService): Record<string, string> => {
	const environment = service.environment ?? {};
	if (Array.isArray(environment)) return Object.fromEntries(environment.map((line: string) => [line.split('=')[0], line.slice(line.indexOf('=') + 1)]));
	return Object.fromEntries(Object.entries(environment).map(([key, value]) => [key, value === null ? '' : String(value)]));
};
const dependsOn = (service: ComposeService): Record<string, string> => {
	const entries = service.depends_on ?? {};
	if (Array.isArray(entries)) return Object.fromEntries(entries.map((name: string) => [name, 'service_started']));
	return Object.fromEntries(Object.entries(entries).map(([name, options]) => [name, options.condition ?? 'service_started']));
};
const commandOf = (service: ComposeService): string[] => (typeof service.command === 'string' ? service.command.split(/\s+/) : [...(service.command ?? [])]);
const serviceByHost = (url: string) => {
	const host = new URL(url).hostname;
	expect(serviceNames, `${url} names no service`).toContain(host);
	return resolved.services[host] as ComposeService;
};
const seconds = (duration: string) => {
	const match = /^(\d+)(ms|s|m)$/.exec(duration);
	if (match === null) throw new Error(`unreadable duration ${duration}`);
	return Number(match[1]) * { ms: 0.001, s: 1, m: 60 }[match[2] as 'ms' | 's' | 'm'];
};

/** Compose-only knobs: the variables listed between the markers of docs/quick-reference.md. */
function documentedKnobs(): Set<string> {
	const doc = readFileSync(resolveFromRoot('docs/quick-reference.md'), 'utf8');
	const section = /<!-- compose-knobs:start -->([\s\S]*?)<!-- compose-knobs:end -->/.exec(doc)?.[1];
	if (section === undefined) throw new Error('docs/quick-reference.md has no <!-- compose-knobs:start --> ... <!-- compose-knobs:end --> section');
	return new Set([...section.matchAll(/^\|\s*`([A-Z][A-Z0-9_]*)`/gm)].map((match) => match[1] ?? ''));
}

describe('docker-compose.yaml', () => {
	it('depends only on defined services, healthy ones with service_healthy and one-shot tasks with service_completed_successfully', () => {
		for (const [name, service] of services) {
			for (const [target, condition] of Object.entries(dependsOn(service))) {
				expect(serviceNames, `${name} depends on ${target}`).toContain(target);
				const dependency = resolved.services[target] as ComposeService;
				if (isOneShot(dependency)) expect(condition, `${name} → ${target} (a one-shot task)`).toBe('service_completed_successfully');
				else if (dependency.healthcheck !== undefined) expect(condition, `${name} → ${target} (has a health check)`).toBe('service_healthy');
			}
		}
	});

	it('health-checks every long-running service; one-shot tasks are awaited by someone', () => {
		for (const [name, service] of services) {
			if (isOneShot(service)) {
				const awaitedBy = services.filter(([, other]) => dependsOn(other)[name] === 'service_completed_successfully');
				expect(awaitedBy.length, `nothing waits for the one-shot ${name}`).toBeGreaterThan(0);
				continue;
			}
			expect(service.healthcheck?.test, `${name} has no health check`).toBeDefined();
			expect(service.healthcheck?.disable, name).not.toBe(true);
			expect(service.restart, `${name} is not restarted after a crash`).toBe('unless-stopped');
		}
	});

	it('refers only to paths that exist: build contexts, Dockerfiles, env files and bind-mounted folders', () => {
		for (const [name, service] of services) {
			if (service.build !== undefined) {
				const build = typeof service.build === 'string' ? { context: service.build } : service.build;
				const context = join(root, build.context ?? '.');
				expect(existsSync(context), `${name}: build context ${build.context}`).toBe(true);
				expect(existsSync(join(context, build.dockerfile ?? 'Dockerfile')), `${name}: ${build.dockerfile ?? 'Dockerfile'}`).toBe(true);
			}
			const envFiles = service.env_file === undefined ? [] : typeof service.env_file === 'string' ? [service.env_file] : service.env_file;
			for (const file of envFiles) {
				const entry = typeof file === 'string' ? { path: file, required: true } : file;
				if (entry.required !== false) expect(existsSync(join(root, entry.path)), `${name}: env_file ${entry.path}`).toBe(true);
			}
			for (const volume of service.volumes ?? []) {
				const source = typeof volume === 'string' ? volume.split(':')[0] : volume.source;
				if (source === undefined) continue;
				if (source.startsWith('.') || source.startsWith('/')) {
					// A missing bind source would be created as an empty root-owned folder, silently.
					expect(source.startsWith('/'), `${name}: ${source} is outside the repository`).toBe(false);
					expect(existsSync(join(root, source)), `${name}: bind mount ${source}`).toBe(true);
				} else {
					expect(Object.keys(resolved.volumes ?? {}), `${name}: named volume ${source} is not declared`).toContain(source);
				}
			}
		}
	});

	it('runs every app from the one image compiled, with `node [its flags] --conditions=charbot-dist`, on an entry whose source exists and that an npm script runs', () => {
		const scripts = (JSON.parse(readFileSync(resolveFromRoot('package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
		const apps = services.filter(([, service]) => isApp(service));
		expect(apps.map(([name]) => name).sort()).toEqual(['delivery', 'gateway', 'llm-service', 'message-router', 'quality-control']);
		expect(new Set(apps.map(([, service]) => service.image)).size, 'one image for every app').toBe(1);
		for (const [name, service] of apps) {
			const command = commandOf(service);
			const nodeFlags: readonly string[] = PlatformApps.find((app) => app.name === name)?.nodeFlags ?? [];
			expect(command.slice(0, 2 + nodeFlags.length), `${name}: the flags it runs with under npm start and in tests`).toEqual([
				'node',
				...nodeFlags,
				'--conditions=charbot-dist',
			]);
			const entry = command[2 + nodeFlags.length] ?? '';
			expect(entry, name).toMatch(/^apps\/[a-z-]+\/dist\/main\.js$/);
			const source = entry.replace('/dist/main.js', '/src/main.ts');
			expect(existsSync(join(root, source)), `${name}: ${source}, which compiles to ${entry}, does not exist`).toBe(true);
			expect(Object.values(scripts), `${name}: no npm script runs ${entry}`).toContain(['node', ...nodeFlags, '--conditions=charbot-dist', entry].join(' '));
		}
	});

	it('uses only variables that are charbot settings or compose knobs documented in docs/quick-reference.md', () => {
		const knobs = documentedKnobs();
		for (const name of compose.variables) {
			expect(isSetting(name) || knobs.has(name), `\${${name}} is neither a setting (packages/core settingDefinitions) nor in the compose knobs table`).toBe(
				true,
			);
		}
		for (const knob of knobs) {
			expect(compose.variables, `docs/quick-reference.md lists ${knob}, which docker-compose.yaml does not use`).toContain(knob);
			expect(isSetting(knob), `${knob} is a setting: it belongs in the README's table, not the compose knobs`).toBe(false);
		}
	});

	it('gives the apps only documented settings, in production mode, and the Discord token only where Discord is spoken', () => {
		for (const [name, service] of services.filter(([, candidate]) => isApp(candidate))) {
			const environment = environmentOf(service);
			for (const key of Object.keys(environment)) expect(isSetting(key), `${name} sets ${key}, which no charbot setting reads`).toBe(true);
			expect(environment.NODE_ENV, name).toBe('production');
			expect(environment.ALLOW_SIMULATED_PARTS, `${name} must not allow simulated parts`).toBeUndefined();
			expect(environment.DISCORD_API_URL, `${name} must talk to Discord itself`).toBeUndefined();
			const hasToken = environment.DISCORD_TOKEN !== undefined;
			expect(hasToken, `${name}: the token goes to the gateway and delivery only`).toBe(name === 'gateway' || name === 'delivery');
			if (hasToken) expect(environmentOf(rawServices[name] as ComposeService).DISCORD_TOKEN).toMatch(/^\$\{DISCORD_TOKEN:\?[^}]+\}$/);
		}
	});

	it('never holds a token, and refuses to start without DISCORD_TOKEN', () => {
		expect(compose.text).not.toMatch(/[MN][A-Za-z\d_-]{22,}\.[A-Za-z\d_-]{6}\.[A-Za-z\d_-]{27,}/);
		expect(() => compose.resolve({})).toThrow(MissingComposeVariableError);
		expect(() => compose.resolve({ ...requiredEnv, DISCORD_TOKEN: '' })).toThrow(/DISCORD_TOKEN.*\.env/);
		for (const name of Object.keys(requiredEnv)) expect(() => compose.resolve({ ...requiredEnv, [name]: '' }), name).toThrow(new RegExp(`${name}.*\\.env`));
	});

	it('puts queues on a Redis that never evicts and keeps an append-only file, and the cache on an LRU KeyDB', () => {
		for (const [name, service] of services.filter(([, candidate]) => isApp(candidate))) {
			const environment = environmentOf(service);
			const queues = serviceByHost(environment.REDIS_URL ?? '');
			const queueCommand = commandOf(queues).join(' ');
			expect(queueCommand, `${name}: REDIS_URL`).toMatch(/--maxmemory-policy noeviction\b/);
			expect(queueCommand, `${name}: REDIS_URL`).toMatch(/--appendonly yes\b/);
			expect(queues.volumes?.length, `${name}: the queue Redis keeps its data in a volume`).toBeGreaterThan(0);
			if (environment.CACHE_REDIS_URL === undefined) continue;
			const cache = serviceByHost(environment.CACHE_REDIS_URL);
			expect(cache, `${name}: the cache must not share the queue server`).not.toBe(queues);
			expect(commandOf(cache).join(' '), `${name}: CACHE_REDIS_URL`).toMatch(
				/--maxmemory \S+ .*--maxmemory-policy allkeys-lru\b|--maxmemory-policy allkeys-lru\b.*--maxmemory \S+/,
			);
		}
	});

	it('sends the LLM apps to Ollama hosts that exist and get their model pulled first', () => {
		const ollamaModel = settingDefault('OLLAMA_MODEL');
		for (const [name, service] of services.filter(([, candidate]) => isApp(candidate) && environmentOf(candidate).OLLAMA_HOSTS !== undefined)) {
			const hosts = (environmentOf(service).OLLAMA_HOSTS ?? '').split(',');
			expect(hosts.length, name).toBeGreaterThanOrEqual(2);
			for (const url of hosts) {
				expect(serviceByHost(url).image, url).toMatch(/^ollama\/ollama:/);
				const pull = services.find(([, other]) => isOneShot(other) && environmentOf(other).OLLAMA_HOST === url);
				expect(pull, `no one-shot service pulls the model on ${url}`).toBeDefined();
				const [pullName, pullService] = pull as [string, ComposeService];
				// OLLAMA_PULL_MODELS when set, else DEFAULT_MODELS, which the vision model joins when OLLAMA_VISION_MODEL is set
				// (unset, it leaves only a space); the pull script picks, as Compose v1 has no nested defaults.
				const { PULL_MODELS: pullModels, DEFAULT_MODELS: defaultModels } = environmentOf(pullService);
				expect(pullModels, `${pullName}: OLLAMA_PULL_MODELS is unset by default`).toBe('');
				expect(defaultModels?.split(' ').filter(Boolean), `${pullName} pulls the default OLLAMA_MODEL`).toEqual([ollamaModel]);
				if (name !== 'quality-control') expect(dependsOn(service)[pullName], `${name} waits for ${pullName}`).toBe('service_completed_successfully');
			}
		}
	});

	it('health-checks each app on /readyz at its HEALTH_PORT, and gives it longer to stop than SHUTDOWN_TIMEOUT', () => {
		const shutdownTimeout = Number(settingDefault('SHUTDOWN_TIMEOUT'));
		for (const [name, service] of services.filter(([, candidate]) => isApp(candidate))) {
			const port = environmentOf(service).HEALTH_PORT;
			expect(port, `${name} sets HEALTH_PORT, so the check knows where to look`).toMatch(/^\d+$/);
			expect(JSON.stringify(service.healthcheck?.test), name).toContain(`http://127.0.0.1:${port}/readyz`);
			expect(seconds(service.stop_grace_period ?? '10s'), `${name}: stop_grace_period`).toBeGreaterThan(shutdownTimeout);
		}
	});

	it('scales the workers with deploy.replicas from the environment', () => {
		for (const [name, knob] of [
			['gateway', 'GATEWAY_REPLICAS'],
			['message-router', 'ROUTER_REPLICAS'],
			['quality-control', 'QC_REPLICAS'],
			['delivery', 'DELIVERY_REPLICAS'],
		] as const) {
			expect(String(rawServices[name]?.deploy?.replicas), name).toMatch(new RegExp(`^\\$\\{${knob}:-\\d+\\}$`));
			const scaled = compose.resolve({ ...requiredEnv, [knob]: '5' }).services[name];
			expect(Number(scaled?.deploy?.replicas), name).toBe(5);
		}
	});

	it('publishes no host port twice, none from a replicated service, and only the llm-service by default, on loopback', () => {
		const published = new Map<string, string>();
		for (const [name, service] of services) {
			for (const port of service.ports ?? []) {
				const text = typeof port === 'object' ? `${port.host_ip ?? ''}:${port.published ?? ''}:${port.target}` : String(port);
				const parts = text.split(':');
				expect(parts.length, `${name}: ${text} publishes a random host port`).toBeGreaterThanOrEqual(2);
				const hostPort = parts.at(-2) ?? '';
				const hostIp = parts.length > 2 ? parts.slice(0, -2).join(':') : '';
				expect(published.get(hostPort), `host port ${hostPort}: ${published.get(hostPort)} and ${name}`).toBeUndefined();
				published.set(hostPort, name);
				expect(Number(service.deploy?.replicas ?? 1), `${name} publishes ${hostPort} with more than one replica`).toBe(1);
				expect(hostIp, `${name}: bind to 127.0.0.1 by default`).toBe('127.0.0.1');
			}
		}
		expect([...published.values()]).toEqual(['llm-service']);
	});

	it('has the llm-service listen on every interface of its container, so its published port and the network reach it', () => {
		const environment = environmentOf(resolved.services['llm-service'] as ComposeService);
		expect(['0.0.0.0', '::'], 'LLM_SERVICE_HOST (the service binds 127.0.0.1 by default)').toContain(environment.LLM_SERVICE_HOST);
		expect(environment.LLM_SERVICE_ADMIN_TOKEN, 'production does not start without it').toBe(requiredEnv.LLM_SERVICE_ADMIN_TOKEN);
	});

	it('joins every service to one network', () => {
		const networks = Object.keys(resolved.networks ?? {});
		expect(networks).toHaveLength(1);
		for (const [name, service] of services) {
			const joined = Array.isArray(service.networks) ? service.networks : Object.keys(service.networks ?? {});
			expect(joined, name).toEqual(networks);
		}
	});
});

describe('compose interpolation (as the checks above read it)', () => {
	it('follows the compose-spec rules', () => {
		const env = { SET: 'value', EMPTY: '' };
		expect(interpolateCompose('${SET:-x} ${EMPTY:-x} ${UNSET:-x} ${EMPTY-x} ${UNSET-x}', env)).toBe('value x x  x');
		expect(interpolateCompose('${SET:+alt}|${EMPTY:+alt}|${EMPTY+alt}|$SET|$$SET|${UNSET:-${SET:-y}}', env)).toBe('alt||alt|value|$SET|value');
		expect(() => interpolateCompose('${EMPTY:?needed}', env)).toThrow('required variable EMPTY is missing a value: needed');
		expect(interpolateCompose('${EMPTY?needed}', env)).toBe('');
		expect(() => interpolateCompose('cost: $5', env)).toThrow(/lone "\$"/);
	});
});

// No Docker engine runs on this machine kind, but `docker compose config` needs none: it only parses,
// interpolates and validates. It needs the compose plugin of the docker CLI, which this kind's CLI
// lacks; where the plugin exists (an operator's or a developer's machine), this runs too.
const composePlugin = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' });
const hasComposePlugin = composePlugin.status === 0;
describe('docker compose config', () => {
	it.skipIf(!hasComposePlugin)(
		hasComposePlugin ? 'accepts the file' : 'accepts the file (skipped: the docker CLI here has no compose plugin; `docker compose version` fails)',
		() => {
			// A fixed environment and no .env, so a developer's settings can't make this pass or fail.
			const args = ['compose', '--file', compose.path, '--project-directory', root, '--env-file', '/dev/null', 'config', '--quiet'];
			const result = spawnSync('docker', args, {
				encoding: 'utf8',
				env: { PATH: process.env.PATH, HOME: process.env.HOME, ...requiredEnv },
			});
			expect(result.stderr).toBe('');
			expect(result.status).toBe(0);
		},
	);
});
