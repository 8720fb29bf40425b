import type { Logger } from '@charbot/core';
import type { HostFetch } from '../generation/createHostFetch.js';
import type { HostState } from '../hosts/HostState.js';
import type { RoleSettings } from '../settings/llmSettings.js';

/**
 * Sends a load request (chat with no messages) for each role's model to each of its hosts that has
 * the model but not loaded, so the first member's reply doesn't wait 30-120 s for a cold load.
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
			if (!host.alive || host.models?.has(role.model) !== true || host.isWarm(role.model)) continue;
			jobs.set(`${host.url} ${role.model}`, { host, model: role.model, keepAlive: role.keepAlive });
		}
	}
	await Promise.all(
		[...jobs.values()].map(async ({ host, model, keepAlive }) => {
			const started = Date.now();
			try {
				const response = await input.fetchFor(host)(`${host.url}/api/chat`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ model, messages: [], stream: false, ...(keepAlive === undefined ? {} : { keep_alive: keepAlive }) }),
					signal: AbortSignal.timeout(300_000),
				});
				if (!response.ok) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
				host.loaded.add(model);
				input.logger.info({ host: host.url, model, loadMs: Date.now() - started }, `warmed up ${model} on ${host.url}`);
			} catch (error) {
				input.logger.warn({ host: host.url, model, err: error }, `warm-up of ${model} on ${host.url} failed`);
			}
		}),
	);
}
