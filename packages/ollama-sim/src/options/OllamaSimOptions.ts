import type { SimBehavior } from '../behavior/SimBehavior.js';
import type { SimScript } from '../scripts/SimScript.js';

/** One simulated model; every figure not given falls back to the simulator-wide option or a value derived from the name. */
export interface SimModelOptions {
	/** Name as it appears in `/api/tags`, e.g. `llama3:8b-instruct-q5_K_M`; a name without a tag gets `:latest`. */
	name: string;
	/** Generation speed of one request, in tokens per second. */
	tokensPerSecond?: number;
	/** Prompt evaluation speed, in tokens per second. */
	promptTokensPerSecond?: number;
	/** Cold load time in milliseconds. */
	loadMs?: number;
	/** Size on disk and in VRAM, in bytes (derived from the parameter count and quantization when unset). */
	sizeBytes?: number;
	/** Manifest digest, 64 hex characters (a hash of the name when unset). */
	digest?: string;
	/** Model family, e.g. `llama`. */
	family?: string;
	/** Parameter size as Ollama prints it, e.g. `8.0B`. */
	parameterSize?: string;
	/** Quantization level, e.g. `Q4_K_M`. */
	quantization?: string;
	/** Length of `/api/embed` vectors (default 768). */
	embeddingLength?: number;
	/** Context length reported by `/api/show` and `/api/ps` (default 131072). */
	contextLength?: number;
	/** Whether the model sees images (`vision` in `/api/show`); read from the name when unset (llava, gemma3:4b, qwen2.5vl, ...). */
	vision?: boolean;
}

/** Options of {@link startOllamaSim}. */
export interface OllamaSimOptions {
	/** TCP port; 0 (default) picks a free one. */
	port?: number;
	/** Address to bind; `::` binds dual-stack. */
	host?: string;
	/** The models the simulated host has pulled. */
	models?: (string | SimModelOptions)[];
	/** Parallel slots per loaded model, like `OLLAMA_NUM_PARALLEL`. */
	numParallel?: number;
	/** Requests that may wait for a slot or a load before new ones get 503, like `OLLAMA_MAX_QUEUE`. */
	maxQueue?: number;
	/** Generation speed of models without their own, in tokens per second. */
	tokensPerSecond?: number;
	/** Prompt evaluation speed, in tokens per second. */
	promptTokensPerSecond?: number;
	/** Fixed latency added before the first token of every request, in milliseconds. */
	timeToFirstTokenMs?: number;
	/** Cold load time of models without their own, in milliseconds. */
	loadMs?: number;
	/** How long an idle model stays loaded when a request does not say (`keep_alive`), in milliseconds. */
	keepAliveMs?: number;
	/** Models loaded at start: `true` for all of them, or a list of names. */
	preloaded?: boolean | string[];
	/** Length of generated replies in tokens, unless `num_predict` cuts them shorter. */
	replyTokens?: number;
	/** Faults and slowness in force from the start. */
	behavior?: Partial<SimBehavior>;
	/** Share of chat/generate replies without `format` given one small-model failure, 0..1 (0.25 = every 4th); the starting `behavior.sloppy`. */
	sloppy?: number;
	/** Scripted replies, tried in order before generated text. */
	scripts?: SimScript[];
	/** Shown in the banner and in `/api/version`, to tell several simulators apart. */
	name?: string;
	/** Context length used when a request gives no `num_ctx` (prompts beyond it are truncated, as Ollama does). */
	defaultNumCtx?: number;
	/** Time `/api/pull` takes to "download" a model, in milliseconds. */
	pullMs?: number;
	/**
	 * The APIs served: `both` (Ollama's `/api/*` and the OpenAI-compatible `/v1/*`, as real Ollama does) or
	 * `openai` (vLLM-like: `/v1/*`, `/health` and `/metrics`; `/api/*` answers 404; prompts beyond a model's
	 * context length are refused with 400 rather than truncated).
	 */
	api?: SimApi;
	/** When set, `/v1/*` and `/metrics` answer 401 unless the request carries `Authorization: Bearer <apiKey>`. */
	apiKey?: string;
}

/** Which HTTP APIs a simulator serves; see {@link OllamaSimOptions.api}. */
export type SimApi = 'both' | 'openai';

/** The defaults of {@link OllamaSimOptions}. */
export const DefaultOllamaSimOptions = {
	port: 0,
	host: '127.0.0.1',
	models: ['llama3.2:1b'],
	numParallel: 1,
	maxQueue: 512,
	tokensPerSecond: 65,
	promptTokensPerSecond: 2900,
	timeToFirstTokenMs: 20,
	loadMs: 1500,
	keepAliveMs: 300_000,
	preloaded: false,
	replyTokens: 40,
	behavior: {},
	sloppy: 0,
	scripts: [],
	name: 'ollama-sim',
	defaultNumCtx: 4096,
	pullMs: 1000,
	api: 'both',
} as const satisfies Required<Omit<OllamaSimOptions, 'apiKey'>>;
