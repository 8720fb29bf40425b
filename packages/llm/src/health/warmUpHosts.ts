import type { Logger } from '@charbot/core';
import { hostApiFor } from '../backends/hostApiFor.js';
import type { HostFetch } from '../generation/createHostFetch.js';
import type { HostState } from '../hosts/HostState.js';
import type { RoleSettings } from '../settings/llmSettings.js';

/** Time a cold load may take on real hardware before the warm-up gives up. */
const WarmUpTimeoutMs = 300_000;

/**
 * Sends a load request for each role's model to each of its hosts that has the model but not loaded (Ollama: a chat
 * with no messages), so the first member's reply doesn't wait 30-120 s for a cold load. Servers that keep what they
 * serve loaded (OpenAI-compatible ones) need none.
 */
export async function warmUpHosts(input: {
	hosts: readonly HostState[];
	roles: Readonly<Record<string, RoleSettings>>;
	hostsForRole: (role: string) => readonly HostState[];
	fetchFor: (host: HostState) => HostFetch;
	logger: Logger;
}): Promise<void> {
	const jobs = new Map<string, { host: HostState; model: string; keepAlive: string | number | undefined }>();
	for (const [name, role] of Object.entries(input.roles)) {
		for (const host of input.hostsForRole(name)) {
			if (!host.alive || host.modelEntry(role.model) === undefined || host.isWarm(role.model)) continue;
			const model = host.modelName(role.model);
			jobs.set(`${host.url} ${model}`, { host, model, keepAlive: role.keepAlive });
		}
	}
	await Promise.all(
		[...jobs.values()].map(async ({ host, model, keepAlive }) => {
			const api = hostApiFor(host.kind);
			if (api.warmUp === undefined) return;
			const started = Date.now();
			try {
				await api.warmUp({ url: host.url, fetch: input.fetchFor(host), apiKey: host.apiKey, timeoutMs: WarmUpTimeoutMs, askLoad: false }, model, keepAlive);
				host.loaded.add(model);
				input.logger.info({ host: host.url, model, loadMs: Date.now() - started }, `warmed up ${model} on ${host.url}`);
			} catch (error) {
				input.logger.warn({ host: host.url, model, err: error }, `warm-up of ${model} on ${host.url} failed`);
			}
		}),
	);
}
