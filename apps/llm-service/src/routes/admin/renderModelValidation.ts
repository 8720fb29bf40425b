import type { ModelValidation } from '@charbot/llm';

/** The JSON of `POST /validate-model`. */
export interface ModelValidationAnswer {
	readonly model: string;
	readonly available: boolean;
	readonly size_bytes: number | null;
	readonly hosts: readonly { url: string; alive: boolean; present: boolean; loaded: boolean; size_bytes: number | null; digest: string | null }[];
	readonly performance: { host: string; tokens_per_second: number; generation_time_ms: number } | null;
}

/** Renders a model check in the service's snake_case shape (absent values as null). */
export function renderModelValidation(validation: ModelValidation): ModelValidationAnswer {
	return {
		model: validation.model,
		available: validation.available,
		size_bytes: validation.sizeBytes ?? null,
		hosts: validation.hosts.map((host) => ({
			url: host.url,
			alive: host.alive,
			present: host.present,
			loaded: host.loaded,
			size_bytes: host.sizeBytes ?? null,
			digest: host.digest ?? null,
		})),
		performance: validation.performance
			? {
					host: validation.performance.host,
					tokens_per_second: Math.round(validation.performance.tokensPerSecond * 10) / 10,
					generation_time_ms: validation.performance.generationTimeMs,
				}
			: null,
	};
}
