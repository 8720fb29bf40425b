/** One request that went through a {@link startRecordingProxy} proxy, and what was answered. */
export interface RecordedRequest {
	readonly method: string;
	/** The path without the query, e.g. `/api/v10/webhooks/123/abc` (a webhook path holds its token: test data only). */
	readonly path: string;
	/** `Date.now()` when the request reached the proxy. */
	readonly arrivedAt: number;
	/** `Date.now()` when the answer's headers were sent back to the client (0 when it never got one). */
	answeredAt: number;
	status: number;
	/** The `Retry-After` header in ms, on 429 answers. */
	retryAfterMs: number | undefined;
	/** The 429 was a global limit (`X-RateLimit-Global`). */
	global: boolean;
}
