/** Whether any of the configured Ollama hosts answers `/api/version` within the timeout. */
export async function probeOllama(urls: readonly string[], timeoutMs = 2000): Promise<boolean> {
	const answers = await Promise.all(
		urls.map(async (url) => {
			try {
				const response = await fetch(`${url.replace(/\/$/, '')}/api/version`, { signal: AbortSignal.timeout(timeoutMs) });
				return response.ok;
			} catch {
				// Unreachable is the answer we are probing for, not a fault.
				return false;
			}
		}),
	);
	return answers.some(Boolean);
}
