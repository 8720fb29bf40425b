import { z } from 'zod';
import { type HostKind, HostKinds, type OpenAiDialect, OpenAiDialects } from './hostKinds.js';
import { parseHostAddress } from './parseHostAddress.js';

/** One host as the roles file writes it; `url` may carry the kind as a prefix (`openai+http://vllm:8000/v1`). */
export const hostSettingsSchema = z
	.object({
		url: z.string(),
		/** `ollama` (default) or `openai`; a `openai+` prefix on the URL says the same. */
		kind: z.enum(HostKinds).optional(),
		/** Relative share of traffic among equally loaded hosts. */
		weight: z.number().positive().default(1),
		/** Most requests sent at once (more wait in the client): the adaptive limit's ceiling, or the fixed cap with `MAX_CONCURRENT_REQUESTS`. */
		maxParallel: z.number().int().positive().optional(),
		labels: z.array(z.string().min(1)).default([]),
		/** The environment variable holding this host's API key (the key itself never goes in the file). */
		apiKeyEnv: z
			.string()
			.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be the name of an environment variable, e.g. VLLM_API_KEY')
			.optional(),
		/** The host's own names for the roles' models, e.g. `llama3.2:1b: meta-llama/Llama-3.2-1B-Instruct`. */
		models: z.record(z.string().min(1), z.string().min(1, 'must name the model as the host calls it')).default({}),
		/** OpenAI-compatible hosts only: which extra sampling parameters it takes (default `openai`: the standard ones). */
		dialect: z.enum(OpenAiDialects).optional(),
	})
	.transform((host, context) => {
		const address = parseHostAddress(host.url, host.kind);
		if (typeof address === 'string') {
			context.addIssue({ code: 'custom', path: ['url'], message: address });
			return z.NEVER;
		}
		if (host.dialect !== undefined && address.kind !== 'openai') {
			context.addIssue({ code: 'custom', path: ['dialect'], message: 'is for OpenAI-compatible hosts only (kind: openai)' });
			return z.NEVER;
		}
		return { ...host, ...address };
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

/** One model host, ready for the pool. */
export interface HostSettings {
	/** Ollama: `http://host:11434`; OpenAI-compatible: the API base, e.g. `http://vllm:8000/v1`. */
	readonly url: string;
	/** `ollama` when absent. */
	readonly kind?: HostKind;
	readonly weight: number;
	readonly maxParallel?: number | undefined;
	readonly labels: readonly string[];
	/** Sent as `Authorization: Bearer …`; registered as a secret so logs never show it. */
	readonly apiKey?: string | undefined;
	/** The host's own names for models, keyed by the name the roles use. */
	readonly models?: Readonly<Record<string, string>>;
	readonly dialect?: OpenAiDialect | undefined;
}

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

export type RoleSettings = z.output<typeof roleSettingsSchema>;
export type RolesFile = z.output<typeof rolesFileSchema>;
