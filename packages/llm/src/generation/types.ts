import type { ChatMessage } from '@charbot/core';
import type { GenerationSettings } from '../settings/generationDefaults.js';

/** A generation request to the pool. */
export interface GenerateRequest {
	/** Role whose model and hosts serve it (default `chat`). */
	readonly role?: string;
	/** Overrides the role's model. */
	readonly model?: string;
	/** Chat messages; or give `prompt` (and optionally `system`). */
	readonly messages?: readonly ChatMessage[];
	readonly prompt?: string;
	readonly system?: string;
	/** Character id, part of the cache key and logs. */
	readonly character?: string;
	readonly settings?: GenerationSettings;
	/** `json` or a JSON schema the reply must match. */
	readonly format?: 'json' | Record<string, unknown>;
	/** Read and write the response cache (default true). */
	readonly useCache?: boolean;
	/** For logs and tracing only. */
	readonly conversationId?: string;
	/** Caller's cancellation (BullMQ passes one to processors). */
	readonly signal?: AbortSignal;
	/** Total deadline in ms; defaults to `REQUEST_TIMEOUT`. */
	readonly timeoutMs?: number;
	/**
	 * Its place among requests of this process waiting for a host slot, as in BullMQ: lower goes first, none (0) before
	 * all, equal ones in arrival order. The router passes its job's priority, so fair share holds past the queue.
	 */
	readonly priority?: number;
}

/** What a generation returns. */
export interface GenerateResult {
	readonly text: string;
	readonly model: string;
	/** The host that generated it (for a cache hit, the one that did originally). */
	readonly host: string;
	readonly generationTimeMs: number;
	readonly cacheHit: boolean;
	/** Answered by another identical request already in flight. */
	readonly coalesced: boolean;
	readonly promptTokens: number;
	readonly evalTokens: number;
	readonly promptHash: string;
	readonly doneReason: string;
	/** Upstream attempts this request made (0 for a cache hit or coalesced result). */
	readonly attempts: number;
}
