import { createHash } from 'node:crypto';
import { canonicalJson } from './canonicalJson.js';
import { hashPrompt } from './hashPrompt.js';

/** What identifies a response for caching and coalescing. */
export interface CacheKeyInput {
	readonly model: string;
	/** What serves the model (each host's kind, its name for it and its digest): a changed model makes new keys, so old answers are never served. */
	readonly modelDigest: string | undefined;
	readonly messages: readonly { role: string; content: string; images?: readonly string[] }[];
	readonly format: unknown;
	readonly character: string;
	readonly settings: unknown;
}

/** The parts of a cache key. */
export interface CacheKey {
	/** `llm_response:{prompt_hash}:{character}:{settings_hash}`, as the platform's LLM spec names it. */
	readonly key: string;
	readonly promptHash: string;
	readonly settingsHash: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Builds the response key from a SHA-256 of model + prompt (see `hashPrompt`; images by their own SHA-256) and a SHA-256 of the settings. */
export function buildCacheKey(input: CacheKeyInput): CacheKey {
	const promptHash = hashPrompt(input);
	const settingsHash = sha256(canonicalJson(input.settings ?? {})).slice(0, 16);
	const character = input.character.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64) || 'none';
	return { key: `llm_response:${promptHash}:${character}:${settingsHash}`, promptHash, settingsHash };
}
