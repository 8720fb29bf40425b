/** Which requests a fault hits: a route label (`'POST /channels/:channelId/messages'`), a pattern, or every API request. */
export type RouteFilter = string | RegExp | null;

/** Options of {@link FaultInjector.addRateLimit}. */
export interface RateLimitFaultOptions {
	/** Only requests of this route; all API requests when omitted. */
	readonly route?: RouteFilter | undefined;
	/** Answer the next `count` matching requests with 429. */
	readonly count?: number | undefined;
	/** Or answer every matching request with 429 for this long; `retry_after` is then the time left. */
	readonly durationMs?: number | undefined;
	/** `retry_after` of count-based faults (default 1000 ms). */
	readonly retryAfterMs?: number | undefined;
	/** A global rate limit (`X-RateLimit-Global`, scope `global`). */
	readonly global?: boolean | undefined;
	/** `X-RateLimit-Scope` of a non-global fault: `user` (default) or `shared`. */
	readonly scope?: 'user' | 'shared' | undefined;
}

/** Options of {@link FaultInjector.addServerErrors}. */
export interface ServerErrorFaultOptions {
	readonly route?: RouteFilter | undefined;
	/** How many matching requests fail. */
	readonly count: number;
	/** 500 (default), 502, 503 or 504. */
	readonly status?: number | undefined;
}

/** What to answer instead of handling a request. */
export type InjectedFault =
	| { readonly kind: 'rateLimit'; readonly retryAfterMs: number; readonly global: boolean; readonly scope: 'user' | 'shared' | 'global' }
	| { readonly kind: 'serverError'; readonly status: number };

interface RateLimitFault {
	readonly route: RouteFilter;
	remaining: number;
	readonly until: number;
	readonly retryAfterMs: number;
	readonly global: boolean;
	readonly scope: 'user' | 'shared';
}

interface ServerErrorFault {
	readonly route: RouteFilter;
	remaining: number;
	readonly status: number;
}

/** Holds injected 429s and 5xx answers and hands them out to matching requests, oldest fault first. */
export class FaultInjector {
	#rateLimits: RateLimitFault[] = [];
	#serverErrors: ServerErrorFault[] = [];

	/** Adds a 429 storm, by count or by duration. */
	public addRateLimit(options: RateLimitFaultOptions, now = Date.now()): void {
		if (options.count === undefined && options.durationMs === undefined) throw new Error('injectRateLimit needs count or durationMs');
		if (options.count !== undefined && (!Number.isInteger(options.count) || options.count < 1))
			throw new Error('injectRateLimit count must be a positive integer');
		this.#rateLimits.push({
			route: options.route ?? null,
			remaining: options.count ?? Number.POSITIVE_INFINITY,
			until: options.durationMs === undefined ? Number.POSITIVE_INFINITY : now + options.durationMs,
			retryAfterMs: options.retryAfterMs ?? 1000,
			global: options.global ?? false,
			scope: options.scope ?? 'user',
		});
	}

	/** Makes the next `count` matching requests fail with a 5xx. */
	public addServerErrors(options: ServerErrorFaultOptions): void {
		if (!Number.isInteger(options.count) || options.count < 1) throw new Error('injectServerErrors count must be a positive integer');
		const status = options.status ?? 500;
		if (status < 500 || status > 599) throw new Error(`injectServerErrors status must be 5xx, got ${status}`);
		this.#serverErrors.push({ route: options.route ?? null, remaining: options.count, status });
	}

	/** Removes every pending fault. */
	public clear(): void {
		this.#rateLimits = [];
		this.#serverErrors = [];
	}

	/** The fault for this request, if any, consuming one use of it. */
	public take(label: string, now = Date.now()): InjectedFault | null {
		this.#rateLimits = this.#rateLimits.filter((fault) => fault.remaining > 0 && now < fault.until);
		this.#serverErrors = this.#serverErrors.filter((fault) => fault.remaining > 0);
		const limit = this.#rateLimits.find((fault) => matches(fault.route, label));
		if (limit) {
			limit.remaining -= 1;
			const retryAfterMs = Number.isFinite(limit.until) ? Math.max(1, limit.until - now) : limit.retryAfterMs;
			return { kind: 'rateLimit', retryAfterMs, global: limit.global, scope: limit.global ? 'global' : limit.scope };
		}
		const error = this.#serverErrors.find((fault) => matches(fault.route, label));
		if (error) {
			error.remaining -= 1;
			return { kind: 'serverError', status: error.status };
		}
		return null;
	}
}

function matches(filter: RouteFilter, label: string): boolean {
	if (filter === null || filter === '*') return true;
	return typeof filter === 'string' ? filter === label : filter.test(label);
}
