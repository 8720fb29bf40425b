import { Ollama } from 'ollama';
import { HostBusyError, InvalidRequestError, LlmError, ModelCannotSeeError, UpstreamError } from '../errors/LlmError.js';
import type { HostFetch } from './createHostFetch.js';
import { describeNetworkFailure } from './describeNetworkFailure.js';
import { eitherSignal } from './eitherSignal.js';
import { runHostAttempt } from './runHostAttempt.js';
import { chatChunkSchema } from './ollamaResponseSchemas.js';
import type { ChatMessage } from '@charbot/core';
import type { ResolvedGenerationSettings } from '../settings/generationDefaults.js';
import type { OpenAiDialect } from '../settings/hostKinds.js';
import { toOllamaOptions } from '../settings/toOllamaOptions.js';

/** One chat request to one host. */
export interface HostChatRequest {
	readonly host: string;
	readonly fetch: HostFetch;
	/** The model as this host names it. */
	readonly model: string;
	readonly messages: readonly ChatMessage[];
	readonly settings: ResolvedGenerationSettings;
	readonly format?: 'json' | Record<string, unknown>;
	readonly keepAlive?: string | number;
	/** Time allowed until the first token (long when the model must load first). */
	readonly firstTokenTimeoutMs: number;
	/** Time allowed for the whole attempt. */
	readonly totalTimeoutMs: number;
	readonly signal?: AbortSignal;
	/** OpenAI-compatible hosts: the bearer key and which extra sampling parameters the server takes. */
	readonly apiKey?: string | undefined;
	readonly dialect?: OpenAiDialect | undefined;
	/** Called once, when the first chunk arrives, with the milliseconds since the request was sent. */
	readonly onFirstToken?: (firstTokenMs: number) => void;
}

/** What one successful attempt produced. */
export interface HostChatResult {
	readonly text: string;
	readonly model: string;
	readonly promptTokens: number;
	readonly evalTokens: number;
	readonly doneReason: string;
	readonly loadMs: number;
	/** Milliseconds from sending the request to its first chunk. */
	readonly firstTokenMs: number;
}

/** A model the host does not have (404): the caller tries other hosts. */
export class ModelMissingOnHostError extends LlmError {
	public constructor(
		public readonly host: string,
		public readonly model: string,
	) {
		super('model-not-found', `${host} does not have model "${model}"`, true);
		this.name = 'ModelMissingOnHostError';
	}
}

/**
 * Streams one chat from one host through the official client, bounded by a first-token and a total
 * timeout and the caller's signal; every chunk is validated. Errors are sorted for the retry logic.
 */
export async function chatOnHost(request: HostChatRequest): Promise<HostChatResult> {
	return runHostAttempt(
		request,
		async ({ signal, firstToken }) => {
			const client = new Ollama({
				host: request.host,
				fetch: (input, init) => request.fetch(input, { ...init, signal: init?.signal ? eitherSignal(init.signal, signal) : signal }),
			});
			const stream = await client.chat({
				model: request.model,
				messages: request.messages.map((message) => ({
					role: message.role,
					content: message.content,
					...(message.images?.length ? { images: [...message.images] } : {}),
				})),
				options: toOllamaOptions(request.settings),
				stream: true,
				...(request.format === undefined ? {} : { format: request.format }),
				...(request.keepAlive === undefined ? {} : { keep_alive: request.keepAlive }),
			});
			signal.addEventListener('abort', () => stream.abort(), { once: true });
			let text = '';
			for await (const raw of stream) {
				const firstTokenMs = firstToken();
				const chunk = chatChunkSchema.safeParse(raw);
				if (!chunk.success)
					throw new UpstreamError(request.host, `malformed chunk: ${chunk.error.issues[0]?.path.join('.')} ${chunk.error.issues[0]?.message}`);
				text += chunk.data.message?.content ?? '';
				if (chunk.data.done) {
					return {
						text,
						model: chunk.data.model,
						promptTokens: chunk.data.prompt_eval_count ?? 0,
						evalTokens: chunk.data.eval_count ?? 0,
						doneReason: chunk.data.done_reason ?? 'stop',
						loadMs: Math.round((chunk.data.load_duration ?? 0) / 1e6),
						firstTokenMs,
					};
				}
			}
			throw new UpstreamError(request.host, 'stream ended before the final chunk');
		},
		(error) => classifyFailure(error, request),
	);
}

const cannotSeeText = /image input is not supported|missing data required for image input/iu;

function classifyFailure(error: unknown, request: HostChatRequest): LlmError {
	if (error instanceof LlmError) return error;
	const status = (error as { status_code?: unknown }).status_code;
	const message = error instanceof Error ? error.message : String(error);
	if (status === 404) return new ModelMissingOnHostError(request.host, request.model);
	// Ollama answers images for a model without a vision projector with llama-server's 500 (older versions with a 400).
	if (cannotSeeText.test(message)) return new ModelCannotSeeError(request.model, request.host, message, { cause: error });
	// Ollama answers 503 when its queue (OLLAMA_MAX_QUEUE) is full; the client does not pass on a Retry-After.
	if (status === 503 || status === 429) return new HostBusyError(request.host, `HTTP ${status}: ${message}`, undefined, { cause: error });
	if (status === 400) return new InvalidRequestError(`${request.host} rejected the request: ${message}`, { cause: error });
	if (typeof status === 'number') return new UpstreamError(request.host, `HTTP ${status}: ${message}`, { cause: error });
	return describeNetworkFailure(error, request.host);
}
