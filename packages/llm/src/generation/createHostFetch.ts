import { Agent, fetch as undiciFetch } from 'undici';

/** A `fetch` bound to one host's connection pool, with a connect timeout and bounded sockets. */
export type HostFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Options of {@link createHostFetch}. */
export interface HostFetchOptions {
	readonly connectTimeoutMs: number;
	/** Sockets kept to the host; a little above its parallel limit for health checks. */
	readonly connections: number;
}

/** Builds a fetch with its own undici Agent so each host has its own limits and keep-alive pool. */
export function createHostFetch(options: HostFetchOptions): { fetch: HostFetch; close: () => Promise<void> } {
	const agent = new Agent({
		connect: { timeout: options.connectTimeoutMs },
		connections: options.connections,
		// Generation can be silent for a long time (cold loads); our own timers bound it instead.
		headersTimeout: 0,
		bodyTimeout: 0,
		keepAliveTimeout: 30_000,
	});
	const hostFetch: HostFetch = (input, init) =>
		undiciFetch(input as Parameters<typeof undiciFetch>[0], {
			...(init as Parameters<typeof undiciFetch>[1]),
			dispatcher: agent,
		}) as unknown as Promise<Response>;
	return { fetch: hostFetch, close: () => agent.close() };
}
