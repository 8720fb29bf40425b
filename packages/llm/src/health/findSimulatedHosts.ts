import { versionResponseSchema } from '../generation/ollamaResponseSchemas.js';
import { bearer } from '../backends/bearer.js';
import type { HostSettings } from '../settings/llmSettings.js';

/** How long {@link findSimulatedHosts} waits for each host's answer. */
export const SimulatorProbeTimeoutMs = 3000;

/**
 * The hosts that say they are the Ollama simulator, asked all at once: an Ollama host by `"simulated": true` in
 * `/api/version`, an OpenAI-compatible one by the simulator's `x-ollama-sim` header on `/models`. A host that does not
 * answer, or answers something else, is not counted: the pool's health checks refuse it later if it turns out to be the simulator.
 */
export async function findSimulatedHosts(
	hosts: readonly Pick<HostSettings, 'url' | 'kind' | 'apiKey'>[],
	timeoutMs = SimulatorProbeTimeoutMs,
): Promise<string[]> {
	const answers = await Promise.all(
		hosts.map(async (host) => {
			try {
				if (host.kind === 'openai') {
					const response = await fetch(`${host.url}/models`, {
						signal: AbortSignal.timeout(timeoutMs),
						headers: bearer(host.apiKey),
					});
					await response.body?.cancel();
					return response.headers.has('x-ollama-sim');
				}
				const response = await fetch(`${host.url}/api/version`, { signal: AbortSignal.timeout(timeoutMs) });
				if (!response.ok) return false;
				const version = versionResponseSchema.safeParse(await response.json());
				return version.success && version.data.simulated === true;
			} catch {
				// Unreachable or not JSON: nothing to say about it yet.
				return false;
			}
		}),
	);
	return hosts.filter((_host, index) => answers[index] === true).map((host) => host.url);
}
