import { parseHostAddress } from '@charbot/llm';

/**
 * Whether any configured model host answers within the timeout: an Ollama host on `/api/version`, an OpenAI-compatible
 * one (`openai+` prefix) on `/models` with any HTTP answer (a refused key still means a server is there).
 */
export async function probeModelHosts(entries: readonly string[], timeoutMs = 2000): Promise<boolean> {
	const answers = await Promise.all(
		entries.map(async (entry) => {
			const address = parseHostAddress(entry);
			// A malformed entry is the apps' to report, naming the setting; here it is just not a host that answers.
			if (typeof address === 'string') return false;
			try {
				const response = await fetch(address.kind === 'openai' ? `${address.url}/models` : `${address.url}/api/version`, {
					signal: AbortSignal.timeout(timeoutMs),
				});
				await response.body?.cancel();
				return address.kind === 'openai' || response.ok;
			} catch {
				// Unreachable is the answer we are probing for, not a fault.
				return false;
			}
		}),
	);
	return answers.some(Boolean);
}
