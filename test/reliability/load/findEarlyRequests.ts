import type { RecordedRequest } from './RecordedRequest.js';

/** Options of {@link findEarlyRequests}. */
export interface EarlyRequestOptions {
	/**
	 * Requests arriving this soon after a 429 was answered are not counted: the client may have sent them before it read
	 * the 429 (other buckets in flight, for a global limit). Default 250 ms.
	 */
	readonly inFlightGraceMs?: number;
	/** Timer slack at the end of the wait. Default 25 ms. */
	readonly slackMs?: number;
}

/**
 * Requests that ignored a 429: sent to the same route (method and path, i.e. the same webhook) before that 429's
 * `Retry-After` elapsed, or to any route before a global 429's did. Each finding names both requests; none means every
 * limit was honoured.
 */
export function findEarlyRequests(requests: readonly RecordedRequest[], options: EarlyRequestOptions = {}): string[] {
	const grace = options.inFlightGraceMs ?? 250;
	const slack = options.slackMs ?? 25;
	const early: string[] = [];
	for (const limited of requests) {
		if (limited.status !== 429 || limited.retryAfterMs === undefined || limited.answeredAt === 0) continue;
		const from = limited.answeredAt + grace;
		const until = limited.answeredAt + limited.retryAfterMs - slack;
		for (const next of requests) {
			if (next.arrivedAt <= from || next.arrivedAt >= until) continue;
			if (!limited.global && (next.method !== limited.method || next.path !== limited.path)) continue;
			early.push(
				`${next.method} ${redactToken(next.path)} ${next.arrivedAt - limited.answeredAt} ms after a ${limited.global ? 'global ' : ''}429 ` +
					`with Retry-After ${limited.retryAfterMs} ms on ${limited.method} ${redactToken(limited.path)}`,
			);
		}
	}
	return early;
}

function redactToken(path: string): string {
	return path.replace(/(\/webhooks\/\d+\/)[^/]+/, '$1…');
}
