import type { Logger } from '@charbot/core';
import type { HostState } from '@charbot/llm';
import type { z } from 'zod';

/** One host's validated answer. */
export interface HostAnswer<T> {
	readonly url: string;
	readonly body: T;
}

/**
 * Asks each given host for `path` at once and keeps the answers that match `schema`. A host that fails,
 * times out or answers something else is left out and logged at debug: the pool's health checks report it.
 */
export async function fetchFromHosts<Schema extends z.ZodType>(
	hosts: readonly HostState[],
	path: string,
	schema: Schema,
	options: { logger: Logger; timeoutMs?: number; init?: RequestInit },
): Promise<HostAnswer<z.output<Schema>>[]> {
	const answers = await Promise.all(
		hosts.map(async (host): Promise<HostAnswer<z.output<Schema>> | undefined> => {
			try {
				const response = await fetch(`${host.url}${path}`, { ...options.init, signal: AbortSignal.timeout(options.timeoutMs ?? 3000) });
				if (!response.ok) throw new Error(`status ${response.status}`);
				const parsed = schema.safeParse(await response.json());
				if (!parsed.success) throw new Error(`unexpected answer: ${parsed.error.message}`);
				return { url: host.url, body: parsed.data };
			} catch (error) {
				options.logger.debug({ host: host.url, path, err: error }, `llm-service: ${host.url}${path} gave no usable answer`);
				return undefined;
			}
		}),
	);
	return answers.filter((answer) => answer !== undefined);
}
