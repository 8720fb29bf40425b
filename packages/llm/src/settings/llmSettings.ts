import { z } from 'zod';

const hostUrl = z
	.string()
	.refine((value) => /^https?:\/\/[^/\s]+\/?$/.test(value), { error: 'must be an http(s) URL with no path, e.g. http://ollama-1:11434' })
	.transform((value) => value.replace(/\/$/, ''));

/** One Ollama host. */
export const hostSettingsSchema = z.object({
	url: hostUrl,
	/** Relative share of traffic among equally loaded hosts. */
	weight: z.number().positive().default(1),
	/** Most requests sent at once (more wait in the client): the adaptive limit's ceiling, or the fixed cap with `MAX_CONCURRENT_REQUESTS`. */
	maxParallel: z.number().int().positive().optional(),
	labels: z.array(z.string().min(1)).default([]),
});

/** One role (chat, judge, escalation, ...): a model and the hosts that may serve it. */
export const roleSettingsSchema = z.object({
	model: z.string().min(1, 'must name a model'),
	/** Host URLs or labels; all hosts when absent. */
	hosts: z.array(z.string().min(1)).optional(),
	/** Ollama `keep_alive` for this role's model, e.g. "30m" or -1 to keep it loaded. */
	keepAlive: z.union([z.string(), z.number()]).optional(),
});

/** The optional roles YAML file (`OLLAMA_ROLES_FILE`). */
export const rolesFileSchema = z.object({
	hosts: z.array(hostSettingsSchema).optional(),
	roles: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/, 'role names are lowercase words'), roleSettingsSchema).optional(),
});

/** Everything the LLM pool needs to start. */
export interface LlmSettings {
	readonly hosts: readonly HostSettings[];
	readonly roles: Readonly<Record<string, RoleSettings>>;
	readonly requestTimeoutMs: number;
	/** A fixed cap per host (`MAX_CONCURRENT_REQUESTS`); undefined: each host's limit adapts to its latency. */
	readonly maxParallelPerHost: number | undefined;
	readonly cacheTtlSeconds: number;
	readonly cacheMaxSize: number;
	readonly healthIntervalMs: number;
}

export type HostSettings = z.output<typeof hostSettingsSchema>;
export type RoleSettings = z.output<typeof roleSettingsSchema>;
export type RolesFile = z.output<typeof rolesFileSchema>;
