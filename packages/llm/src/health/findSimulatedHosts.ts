import { versionResponseSchema } from '../generation/ollamaResponseSchemas.js';

/** How long {@link findSimulatedHosts} waits for each host's `/api/version`. */
export const SimulatorProbeTimeoutMs = 3000;

/**
 * The hosts that say they are the Ollama simulator (`"simulated": true` in `/api/version`), asked all at once.
 * A host that does not answer, or answers something else, is not counted: the pool's health checks refuse it later
 * if it turns out to be the simulator.
 */
export async function findSimulatedHosts(urls: readonly string[], timeoutMs = SimulatorProbeTimeoutMs): Promise<string[]> {
	const answers = await Promise.all(
		urls.map(async (url) => {
			try {
				const response = await fetch(`${url}/api/version`, { signal: AbortSignal.timeout(timeoutMs) });
				if (!response.ok) return false;
				const version = versionResponseSchema.safeParse(await response.json());
				return version.success && version.data.simulated === true;
			} catch {
				// Unreachable or not JSON: nothing to say about it yet.
				return false;
			}
		}),
	);
	return urls.filter((_url, index) => answers[index] === true);
}
