import type { Logger } from '@charbot/core';
import { hostApiFor } from '../backends/hostApiFor.js';
import { HostBusyError, InvalidRequestError, LlmError, UpstreamError } from '../errors/LlmError.js';
import type { HostDispatcher } from '../hosts/HostDispatcher.js';
import type { HostState } from '../hosts/HostState.js';
import type { LlmMetrics } from '../metrics/LlmMetrics.js';
import type { ResolvedGenerationSettings } from '../settings/generationDefaults.js';
import { type HostChatResult, ModelMissingOnHostError } from './chatOnHost.js';
import type { HostFetch } from './createHostFetch.js';
import type { ChatMessage } from '@charbot/core';

/** Timeouts of one attempt. */
export interface AttemptTimeouts {
	/** First token from a host with the model loaded. */
	readonly warmFirstTokenMs: number;
	/** First token from a host that must load the model first (30-120 s on real hardware). */
	readonly coldFirstTokenMs: number;
}

/** Retry policy across hosts. */
export interface RetryPolicy {
	readonly maxAttempts: number;
	readonly baseDelayMs: number;
	readonly maxDelayMs: number;
}

/** Everything one upstream generation needs. */
export interface AttemptPlan {
	readonly model: string;
	readonly hosts: readonly HostState[];
	readonly messages: readonly ChatMessage[];
	readonly settings: ResolvedGenerationSettings;
	readonly format?: 'json' | Record<string, unknown>;
	readonly keepAlive?: string | number;
	readonly deadline: number;
	readonly signal?: AbortSignal;
	/** Its place among requests waiting for a host slot (lower first). */
	readonly priority?: number;
	readonly fetchFor: (host: HostState) => HostFetch;
	readonly dispatcher: HostDispatcher;
	readonly timeouts: AttemptTimeouts;
	readonly retry: RetryPolicy;
	readonly metrics: readonly LlmMetrics[];
	readonly logger: Logger;
}

/** A successful generation and where it ran. */
export interface AttemptOutcome extends HostChatResult {
	readonly host: string;
	readonly attempts: number;
}

/**
 * Generates on the best host, retrying on another host with exponential backoff and jitter when a
 * host times out, refuses, fails or breaks mid-stream. A 400 is not retried; a 404 moves on to
 * hosts that have the model. Bounded by the deadline, the attempt limit and the caller's signal.
 */
export async function runAttempts(plan: AttemptPlan): Promise<AttemptOutcome> {
	const failedHosts = new Set<string>();
	let lastError: LlmError | undefined;
	for (let attempt = 1; attempt <= plan.retry.maxAttempts; attempt += 1) {
		if (plan.signal?.aborted) throw new LlmError('aborted', 'request cancelled by its caller', false);
		const remaining = plan.deadline - Date.now();
		if (remaining <= 0) break;
		const { host, warm, sample } = await plan.dispatcher.acquire(plan.model, plan.hosts, failedHosts, plan.deadline, plan.signal, plan.priority);
		const started = Date.now();
		let retryAfterBackoff = false;
		try {
			const result = await hostApiFor(host.kind).chat({
				host: host.url,
				fetch: plan.fetchFor(host),
				model: host.modelName(plan.model),
				messages: plan.messages,
				settings: plan.settings,
				apiKey: host.apiKey,
				dialect: host.dialect,
				...(plan.format === undefined ? {} : { format: plan.format }),
				...(plan.keepAlive === undefined ? {} : { keepAlive: plan.keepAlive }),
				firstTokenTimeoutMs: Math.min(warm ? plan.timeouts.warmFirstTokenMs : plan.timeouts.coldFirstTokenMs, plan.deadline - started),
				totalTimeoutMs: plan.deadline - started,
				...(plan.signal === undefined ? {} : { signal: plan.signal }),
				onFirstToken: (firstTokenMs) => {
					// A raised limit lets waiting requests go now, not when some reply ends.
					if (host.concurrency.onFirstToken(sample, firstTokenMs)) plan.dispatcher.pumpSoon();
				},
			});
			host.concurrency.onSuccess(sample);
			const durationMs = Date.now() - started;
			host.breaker.onSuccess();
			host.served += 1;
			host.recordLatency(durationMs - result.loadMs, result.evalTokens);
			for (const metrics of plan.metrics) metrics.attempt({ host: host.url, model: plan.model, outcome: 'ok', durationMs });
			return { ...result, host: host.url, attempts: attempt };
		} catch (error) {
			const durationMs = Date.now() - started;
			const failure = error instanceof LlmError ? error : new UpstreamError(host.url, String(error));
			if (failure instanceof HostBusyError) host.concurrency.onOverload(sample);
			else host.concurrency.onDropped(sample);
			if (failure.code === 'aborted') {
				host.breaker.onAbandon();
				throw failure;
			}
			for (const metrics of plan.metrics) metrics.attempt({ host: host.url, model: plan.model, outcome: 'error', reason: failure.code, durationMs });
			if (failure instanceof InvalidRequestError) throw failure;
			lastError = failure;
			failedHosts.add(host.url);
			if (failure instanceof ModelMissingOnHostError) {
				// Not the host's fault and not counted: once every host lacks it, the dispatcher names model and hosts.
				host.missing.add(plan.model);
				plan.logger.warn({ host: host.url, model: plan.model }, failure.message);
				attempt -= 1;
			} else {
				host.failed += 1;
				// A busy host said when to come back; until then its circuit need not count it as broken.
				if (failure instanceof HostBusyError) host.leaveAloneFor(failure.retryAfterMs ?? plan.retry.baseDelayMs);
				else host.breaker.onFailure();
				plan.logger.warn(
					{ host: host.url, model: plan.model, attempt, reason: failure.message },
					`${host.kind} attempt ${attempt} failed on ${host.url}: ${failure.message}`,
				);
				retryAfterBackoff = true;
			}
		} finally {
			plan.dispatcher.release(host);
		}
		if (retryAfterBackoff) await backoff(attempt, plan);
	}
	const code = Date.now() >= plan.deadline ? 'deadline-exceeded' : 'upstream';
	throw new LlmError(code, `no host answered for "${plan.model}" (${code}): ${lastError?.message ?? 'deadline passed'}`, true, { cause: lastError });
}

async function backoff(attempt: number, plan: AttemptPlan): Promise<void> {
	const ceiling = Math.min(plan.retry.maxDelayMs, plan.retry.baseDelayMs * 2 ** (attempt - 1));
	// Full jitter: spreads retries of many requests that failed together.
	const delay = Math.min(Math.random() * ceiling, Math.max(0, plan.deadline - Date.now()));
	await new Promise((resolve) => setTimeout(resolve, delay));
}
