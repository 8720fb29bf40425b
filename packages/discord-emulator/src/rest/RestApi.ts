import type { IncomingMessage, ServerResponse } from 'node:http';
import { DiscordApiFailure } from '../errors/DiscordApiFailure.js';
import type { FaultInjector, InjectedFault } from '../ratelimits/FaultInjector.js';
import type { BucketState, RateLimitBuckets } from '../ratelimits/RateLimitBuckets.js';
import type { EmulatorStore } from '../state/EmulatorStore.js';
import { type CompiledRoute, compileRoutes, matchRoute } from './matchRoute.js';
import type { RestEnvironment, RestRoute } from './RestRoute.js';
import type { RestStats } from './RestStats.js';
import { readRequestPayload } from './readRequestPayload.js';

const majorParameters = ['channelId', 'guildId', 'webhookId', 'interactionId'] as const;

/** Parts of {@link RestApi}. */
export interface RestApiParts {
	readonly store: EmulatorStore;
	readonly env: RestEnvironment;
	readonly token: string;
	readonly routes: readonly RestRoute[];
	readonly buckets: RateLimitBuckets;
	readonly faults: FaultInjector;
	readonly stats: RestStats;
}

/** Answers `/api/v10/...` like Discord: auth, per-route rate-limit headers, injected faults, Discord-shaped errors. */
export class RestApi {
	readonly #parts: RestApiParts;
	readonly #routes: CompiledRoute<RestRoute>[];

	public constructor(parts: RestApiParts) {
		this.#parts = parts;
		this.#routes = compileRoutes(parts.routes);
	}

	/** Handles one request whose path is already stripped of `/api/v10`. */
	public async handle(request: IncomingMessage, response: ServerResponse, path: string, query: URLSearchParams): Promise<void> {
		const { stats, faults, buckets, store, env } = this.#parts;
		const method = request.method ?? 'GET';
		const match = matchRoute(this.#routes, method, path);
		if (match.kind === 'none') {
			stats.request('unmatched');
			request.resume();
			if (match.methods.length > 0) return this.#send(response, 405, { message: '405: Method Not Allowed', code: 0 });
			return this.#send(response, 404, { message: '404: Not Found', code: 0 });
		}
		const { compiled, params } = match;
		stats.request(compiled.label);
		const fault = faults.take(compiled.label);
		if (fault) {
			request.resume();
			return this.#sendFault(response, fault, compiled.label);
		}
		if (compiled.route.auth && request.headers.authorization !== `Bot ${this.#parts.token}`) {
			request.resume();
			return this.#send(response, 401, { message: '401: Unauthorized', code: 0 });
		}
		const major = majorParameters.map((name) => params[name]).find((value) => value !== undefined) ?? 'global';
		const bucket = buckets.take(compiled.label, major + (params.token ? `:${params.token}` : ''));
		if (bucket.exceeded) {
			request.resume();
			const retryAfterMs = Math.max(1, bucket.resetAt - Date.now());
			const headers = { ...rateLimitHeaders(bucket), 'retry-after': seconds(retryAfterMs), 'x-ratelimit-scope': 'user' };
			return this.#send(response, 429, { message: 'You are being rate limited.', retry_after: retryAfterMs / 1000, global: false }, headers);
		}
		let cached: ReturnType<typeof readRequestPayload> | undefined;
		const payload = () => {
			cached ??= readRequestPayload(request, store);
			return cached;
		};
		try {
			const result = await compiled.route.handle({ params, query, store, env, payload });
			if (!cached) request.resume();
			this.#send(response, result.status, result.body, rateLimitHeaders(bucket));
		} catch (error) {
			if (!cached) request.resume();
			if (error instanceof DiscordApiFailure) return this.#send(response, error.status, error.body, rateLimitHeaders(bucket));
			console.error(`discord-emulator: ${compiled.label} failed`, error);
			this.#send(response, 500, { message: '500: Internal Server Error', code: 0 }, rateLimitHeaders(bucket));
		}
	}

	#sendFault(response: ServerResponse, fault: InjectedFault, label: string): void {
		if (fault.kind === 'serverError') {
			const messages: Record<number, string> = { 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };
			this.#send(response, fault.status, { message: `${fault.status}: ${messages[fault.status] ?? 'Server Error'}`, code: 0 }, {}, true);
			return;
		}
		const retryAfter = fault.retryAfterMs / 1000;
		const headers: Record<string, string> = {
			'retry-after': seconds(fault.retryAfterMs),
			'x-ratelimit-scope': fault.scope,
		};
		if (fault.global) headers['x-ratelimit-global'] = 'true';
		else
			Object.assign(
				headers,
				rateLimitHeaders({ bucket: this.#parts.buckets.hashOf(label), limit: 1, remaining: 0, resetAt: Date.now() + fault.retryAfterMs, exceeded: true }),
			);
		this.#send(response, 429, { message: 'You are being rate limited.', retry_after: retryAfter, global: fault.global }, headers, true);
	}

	#send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, injected = false): void {
		this.#parts.stats.response(status, injected);
		if (body === undefined || status === 204) {
			response.writeHead(status, headers);
			response.end();
			return;
		}
		response.writeHead(status, { ...headers, 'content-type': 'application/json' });
		response.end(JSON.stringify(body));
	}
}

function rateLimitHeaders(bucket: BucketState): Record<string, string> {
	const resetAfterMs = Math.max(0, bucket.resetAt - Date.now());
	return {
		'x-ratelimit-limit': String(bucket.limit),
		'x-ratelimit-remaining': String(bucket.remaining),
		'x-ratelimit-reset': (bucket.resetAt / 1000).toFixed(3),
		'x-ratelimit-reset-after': (resetAfterMs / 1000).toFixed(3),
		'x-ratelimit-bucket': bucket.bucket,
	};
}

// Discord rounds Retry-After up to whole seconds; keeping milliseconds lets tests use short waits. discord.js reads either.
function seconds(ms: number): string {
	return (ms / 1000).toFixed(3);
}
