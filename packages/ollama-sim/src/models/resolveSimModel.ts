import { createHash } from 'node:crypto';
import type { SimModelOptions } from '../options/OllamaSimOptions.js';
import { isVisionModelName } from './isVisionModelName.js';
import { normalizeModelName } from './normalizeModelName.js';
import type { SimModel } from './SimModel.js';

/** Simulator-wide figures a model falls back to. */
export interface SimModelDefaults {
	readonly tokensPerSecond: number;
	readonly promptTokensPerSecond: number;
	readonly loadMs: number;
}

const bitsPerWeight: Readonly<Record<string, number>> = { Q2: 3.4, Q3: 4.3, Q4: 4.85, Q5: 5.7, Q6: 6.6, Q8: 8.5, F16: 16, BF16: 16, F32: 32 };

/**
 * Fills in a model's figures. What is not given is read from the name, as a person would:
 * `llama3:8b-instruct-q5_K_M` is family `llama`, `8.0B`, `Q5_K_M`, about 5.7 GB.
 */
export function resolveSimModel(input: string | SimModelOptions, defaults: SimModelDefaults, now = new Date()): SimModel {
	const options: SimModelOptions = typeof input === 'string' ? { name: input } : input;
	const name = normalizeModelName(options.name);
	if (!/^[\w.\-/]+:[\w.-]+$/.test(name)) throw new Error(`Model name ${JSON.stringify(options.name)} is not a valid Ollama model name (e.g. llama3.2:1b)`);
	const base = name.slice(name.lastIndexOf('/') + 1);
	const sizeMatch = /(\d+(?:\.\d+)?)([bm])(?![a-z])/i.exec(base.slice(base.indexOf(':')) + base);
	const billions = sizeMatch ? Number(sizeMatch[1]) / (sizeMatch[2]?.toLowerCase() === 'm' ? 1000 : 1) : 8;
	const quantMatch = /(?:^|[-_:])(q\d(?:_[a-z0-9]+)*|fp16|f16|bf16|f32)(?![a-z0-9])/i.exec(base);
	const quantization = options.quantization ?? (quantMatch?.[1]?.toUpperCase().replace(/^FP16$/, 'F16') || 'Q4_K_M');
	const bits = bitsPerWeight[quantization.split('_')[0] ?? ''] ?? 4.85;
	const embedding = /embed/i.test(base);
	for (const [key, value] of Object.entries({ tokensPerSecond: options.tokensPerSecond, promptTokensPerSecond: options.promptTokensPerSecond })) {
		if (value !== undefined && !(value > 0)) throw new RangeError(`Model ${name}: ${key} must be greater than 0; got ${value}`);
	}
	return {
		name,
		tokensPerSecond: options.tokensPerSecond ?? defaults.tokensPerSecond,
		promptTokensPerSecond: options.promptTokensPerSecond ?? defaults.promptTokensPerSecond,
		loadMs: options.loadMs ?? defaults.loadMs,
		sizeBytes: options.sizeBytes ?? Math.round((billions * 1e9 * bits) / 8),
		digest: options.digest ?? createHash('sha256').update(name).digest('hex'),
		modifiedAt: now,
		family: options.family ?? /^[a-z]+/i.exec(base)?.[0]?.toLowerCase() ?? 'llama',
		parameterSize: options.parameterSize ?? (billions < 1 ? `${Math.round(billions * 1000)}M` : `${billions.toFixed(1)}B`),
		quantization,
		embeddingLength: options.embeddingLength ?? 768,
		contextLength: options.contextLength ?? 131_072,
		capabilities: embedding ? ['embedding'] : (options.vision ?? isVisionModelName(name)) ? ['completion', 'vision'] : ['completion'],
	};
}
