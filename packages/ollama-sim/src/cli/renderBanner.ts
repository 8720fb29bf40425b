/** What the banner shows about a running simulator. */
export interface BannerFacts {
	readonly name: string;
	readonly url: string;
	readonly models: readonly string[];
	readonly numParallel: number;
	readonly tokensPerSecond: number;
	readonly fault: string;
	/** Share of replies made sloppy. */
	readonly sloppy: number;
	/** The APIs served. */
	readonly api: 'both' | 'openai';
	/** Whether `/v1` needs a key (the key itself is never shown). */
	readonly keyRequired: boolean;
}

/** The loud stderr banner: nobody should mistake simulated replies for a model's. */
export function renderBanner(facts: BannerFacts): string {
	const lines = [
		`OLLAMA SIMULATOR "${facts.name}" - REPLIES ARE SIMULATED, NOT FROM A LANGUAGE MODEL`,
		`listening on ${facts.url}`,
		`models: ${facts.models.join(', ')}`,
		`apis: ${facts.api === 'both' ? 'Ollama /api and OpenAI /v1' : 'OpenAI /v1, /health, /metrics (vLLM-like)'}${facts.keyRequired ? '   /v1 needs the API key' : ''}`,
		`parallel slots: ${facts.numParallel}   tokens/s: ${facts.tokensPerSecond}   fault: ${facts.fault}${facts.sloppy > 0 ? `   sloppy: ${facts.sloppy}` : ''}`,
		`control: ${facts.url}/_sim   stop: Ctrl+C`,
	];
	const width = Math.max(...lines.map((line) => line.length)) + 4;
	const rule = '#'.repeat(width);
	return [rule, ...lines.map((line) => `# ${line.padEnd(width - 4)} #`), rule].join('\n');
}
