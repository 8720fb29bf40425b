import { readFileSync } from 'node:fs';
import { type Config, formatZodIssues, registerSecret, resolveFromRoot } from '@charbot/core';
import { parse as parseYaml } from 'yaml';
import { type HostSettings, hostSettingsSchema, type LlmSettings, type RoleSettings, type RolesFile, rolesFileSchema } from './llmSettings.js';

/** The roles every deployment has; a roles file may add more. */
export const BuiltInRoles = ['chat', 'judge', 'escalation'] as const;

/** The role that reads members' images: configured by `OLLAMA_VISION_MODEL` or a roles file, absent otherwise. */
export const VisionRole = 'vision';

/** Thrown when the hosts or roles settings are invalid; names the file or variable and the field. */
export class LlmSettingsError extends Error {
	public constructor(message: string) {
		super(message);
		this.name = 'LlmSettingsError';
	}
}

/**
 * Builds the pool settings from the environment: `OLLAMA_BASE_URL` + `OLLAMA_MODEL` alone still work,
 * `OLLAMA_HOSTS` adds hosts (Ollama, or OpenAI-compatible with the `openai+` prefix and `OPENAI_API_KEY`), and
 * `OLLAMA_ROLES_FILE` (YAML) adds host details (kind, API key variable, the host's model names) and per-role models.
 * `environment` is read only for the variables a roles file names in `apiKeyEnv`.
 */
export function resolveLlmSettings(config: Config, rolesFile?: RolesFile, environment: NodeJS.ProcessEnv = process.env): LlmSettings {
	const file = rolesFile ?? (config.OLLAMA_ROLES_FILE === undefined ? {} : readRolesFile(resolveFromRoot(config.OLLAMA_ROLES_FILE)));
	const envUrls =
		config.OLLAMA_HOSTS === undefined
			? [config.OLLAMA_BASE_URL]
			: config.OLLAMA_HOSTS.split(',')
					.map((url) => url.trim())
					.filter(Boolean);
	const hosts = new Map<string, HostSettings>();
	for (const [index, url] of envUrls.entries()) {
		const parsed = hostSettingsSchema.safeParse({ url });
		if (!parsed.success) throw new LlmSettingsError(`OLLAMA_HOSTS[${index}]: ${formatZodIssues(parsed.error).replace(/^url: /, '')}`);
		const { apiKeyEnv: _none, ...host } = parsed.data;
		hosts.set(host.url, withApiKey(host, config.OPENAI_API_KEY));
	}
	// Hosts in the file refine (or add to) the ones from the environment.
	for (const [index, { apiKeyEnv, ...host }] of (file.hosts ?? []).entries()) {
		if (apiKeyEnv === undefined) {
			hosts.set(host.url, withApiKey(host, config.OPENAI_API_KEY));
			continue;
		}
		const key = environment[apiKeyEnv];
		if (key === undefined || key === '') throw new LlmSettingsError(`hosts[${index}].apiKeyEnv: the environment variable ${apiKeyEnv} is not set`);
		registerSecret(key);
		hosts.set(host.url, { ...host, apiKey: key });
	}

	const roles: Record<string, RoleSettings> = {};
	for (const role of BuiltInRoles) roles[role] = { model: config.OLLAMA_MODEL };
	// No text model can see: the vision role exists only when a model for it is named.
	if (config.OLLAMA_VISION_MODEL !== undefined) roles[VisionRole] = { model: config.OLLAMA_VISION_MODEL };
	for (const [name, role] of Object.entries(file.roles ?? {})) roles[name] = role;
	for (const [name, role] of Object.entries(roles)) {
		for (const selector of role.hosts ?? []) {
			const matches = [...hosts.values()].some((host) => host.url === selector.replace(/\/$/, '') || host.labels.includes(selector));
			if (!matches) throw new LlmSettingsError(`roles.${name}.hosts: "${selector}" matches no host URL or label`);
		}
	}
	return {
		hosts: [...hosts.values()],
		roles,
		requestTimeoutMs: config.REQUEST_TIMEOUT * 1000,
		maxParallelPerHost: config.MAX_CONCURRENT_REQUESTS,
		cacheTtlSeconds: config.LLM_RESPONSE_CACHE_TTL,
		cacheMaxSize: config.CACHE_MAX_SIZE,
		healthIntervalMs: config.HEALTH_CHECK_INTERVAL * 1000,
	};
}

// Only OpenAI-compatible hosts take a key; an Ollama host is never sent one.
function withApiKey(host: HostSettings, key: string | undefined): HostSettings {
	return host.kind === 'openai' && key !== undefined ? { ...host, apiKey: key } : host;
}

/** Reads and validates a roles YAML file, naming the file and field on error. */
export function readRolesFile(path: string): RolesFile {
	let raw: unknown;
	try {
		raw = parseYaml(readFileSync(path, 'utf8'));
	} catch (error) {
		throw new LlmSettingsError(`${path}: ${error instanceof Error ? error.message : String(error)}`);
	}
	const parsed = rolesFileSchema.safeParse(raw ?? {});
	if (!parsed.success) throw new LlmSettingsError(`${path}: ${formatZodIssues(parsed.error)}`);
	return parsed.data;
}
