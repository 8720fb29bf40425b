import type { CacheGuard } from '../cache/CacheGuard.js';
import type { CircuitState } from '../hosts/CircuitBreaker.js';
import type { HostState } from '../hosts/HostState.js';
import type { RoleSettings } from '../settings/llmSettings.js';

/** Health of one host. */
export interface HostHealth {
	readonly url: string;
	readonly kind: 'ollama' | 'openai';
	readonly alive: boolean;
	readonly circuit: CircuitState;
	readonly error: string | undefined;
	readonly models: readonly string[];
	readonly loaded: readonly string[];
	readonly inFlight: number;
	readonly maxParallel: number;
	readonly served: number;
	readonly failed: number;
	readonly msPerToken: number | undefined;
}

/** Health of the whole pool. */
export interface PoolHealth {
	/** At least one host is alive with the `chat` model and not cooling down. */
	readonly ready: boolean;
	readonly hosts: readonly HostHealth[];
	/** For each role: its model and the hosts ready to serve it. */
	readonly roles: Readonly<Record<string, { model: string; readyHosts: readonly string[]; warmHosts: readonly string[] }>>;
	readonly cache: { readonly enabled: boolean; readonly ok: boolean; readonly entries: number | undefined };
}

/** Builds the pool's health report. */
export async function describePoolHealth(input: {
	hosts: readonly HostState[];
	roles: Readonly<Record<string, RoleSettings>>;
	hostsForRole: (role: string) => readonly HostState[];
	cache: CacheGuard | undefined;
}): Promise<PoolHealth> {
	const roles = Object.fromEntries(
		Object.entries(input.roles).map(([name, role]) => {
			const ready = input.hostsForRole(name).filter((host) => host.alive && host.circuit !== 'open' && host.modelEntry(role.model) !== undefined);
			return [
				name,
				{ model: role.model, readyHosts: ready.map((host) => host.url), warmHosts: ready.filter((host) => host.isWarm(role.model)).map((host) => host.url) },
			];
		}),
	);
	const cacheOk = input.cache ? await input.cache.ping() : false;
	const entries = input.cache && cacheOk ? await input.cache.size().catch(() => undefined) : undefined;
	return {
		ready: (roles.chat?.readyHosts.length ?? 0) > 0,
		hosts: input.hosts.map((host) => ({
			url: host.url,
			kind: host.kind,
			alive: host.alive,
			circuit: host.circuit,
			error: host.lastCheckError,
			models: [...(host.models?.keys() ?? [])],
			loaded: [...host.loaded],
			inFlight: host.inFlight,
			maxParallel: host.maxParallel,
			served: host.served,
			failed: host.failed,
			msPerToken: host.msPerToken,
		})),
		roles,
		cache: { enabled: input.cache !== undefined, ok: cacheOk, entries },
	};
}
