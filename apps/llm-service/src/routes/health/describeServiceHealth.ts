import type { HostHealth, PoolHealth } from '@charbot/llm';

/** The JSON of `GET /health`. */
export interface ServiceHealth {
	readonly status: 'ready' | 'not ready';
	readonly ready: boolean;
	/** Why the service is not ready, in sentences an operator can act on. */
	readonly reasons: readonly string[];
	/** Degradations that do not stop generation (a role without hosts, the cache down). */
	readonly warnings: readonly string[];
	readonly uptime_seconds: number;
	readonly hosts: readonly {
		url: string;
		alive: boolean;
		circuit: string;
		error: string | null;
		models: readonly string[];
		loaded: readonly string[];
		in_flight: number;
		max_parallel: number;
		served: number;
		failed: number;
		ms_per_token: number | null;
	}[];
	readonly roles: PoolHealth['roles'];
	readonly cache: { readonly enabled: boolean; readonly ok: boolean; readonly entries: number | null };
}

/** Builds the service's health from the pool's: ready when a host serves the `chat` model and the service isn't stopping. */
export function describeServiceHealth(pool: PoolHealth, options: { uptimeSeconds: number; stopping: boolean }): ServiceHealth {
	const reasons: string[] = [];
	const warnings: string[] = [];
	if (options.stopping) reasons.push('the service is shutting down');
	const chat = pool.roles.chat;
	if (!pool.ready) {
		const model = chat?.model ?? '(no chat role)';
		const why = pool.hosts.map((host) => describeHostProblem(host, model)).filter((problem) => problem !== undefined);
		reasons.push(`no Ollama host is ready for the chat model "${model}"${why.length > 0 ? `: ${why.join('; ')}` : ''}`);
	}
	for (const [name, role] of Object.entries(pool.roles)) {
		if (name !== 'chat' && role.readyHosts.length === 0) warnings.push(`no Ollama host is ready for the ${name} model "${role.model}"`);
	}
	if (!pool.cache.enabled) warnings.push('no response cache is configured (set CACHE_REDIS_URL or REDIS_URL)');
	else if (!pool.cache.ok) warnings.push('the response cache does not answer; generating without it');
	const ready = pool.ready && !options.stopping;
	return {
		status: ready ? 'ready' : 'not ready',
		ready,
		reasons,
		warnings,
		uptime_seconds: Math.round(options.uptimeSeconds * 10) / 10,
		hosts: pool.hosts.map((host) => ({
			url: host.url,
			kind: host.kind,
			alive: host.alive,
			circuit: host.circuit,
			error: host.error ?? null,
			models: host.models,
			loaded: host.loaded,
			in_flight: host.inFlight,
			max_parallel: host.maxParallel,
			served: host.served,
			failed: host.failed,
			ms_per_token: host.msPerToken ?? null,
		})),
		roles: pool.roles,
		cache: { enabled: pool.cache.enabled, ok: pool.cache.ok, entries: pool.cache.entries ?? null },
	};
}

function describeHostProblem(host: HostHealth, model: string): string | undefined {
	if (!host.alive) return `${host.url} is down (${host.error ?? 'no answer'})`;
	if (host.circuit === 'open') return `${host.url} is cooling down after failures`;
	if (!host.models.includes(model)) return `${host.url} does not have "${model}"`;
	return undefined;
}
