import type { LlmPool } from '@charbot/llm';

/** Gives the LLM pool when the judge is first needed, so a deployment without the judge never opens one. */
export type LlmSource = () => Promise<LlmPool>;

/** A started pool and how to close it with what it holds open (`createConfiguredPool` returns one). */
export interface OpenedPool {
	readonly pool: LlmPool;
	close(): Promise<void>;
}

/** A memoised {@link LlmSource}; `close()` closes the pool only if it was ever opened. */
export interface LazyLlmPool {
	readonly get: LlmSource;
	close(): Promise<void>;
}

/** Opens the pool on first use and shares it; a failed start is forgotten, so the next review tries again. */
export function lazyLlmPool(open: () => Promise<OpenedPool>): LazyLlmPool {
	let pending: Promise<OpenedPool> | undefined;
	return {
		get: async () => {
			pending ??= open().catch((error: unknown) => {
				pending = undefined;
				throw error;
			});
			return (await pending).pool;
		},
		close: async () => {
			const opened = await pending?.catch(() => undefined);
			await opened?.close();
		},
	};
}
