import type { EmulatorStore } from '../state/EmulatorStore.js';
import type { RequestPayload } from './readRequestPayload.js';

/** What the REST routes share besides the store. */
export interface RestEnvironment {
	/** `http://host:port/api/v10`, for webhook `url` fields. */
	readonly apiBaseUrl: string;
	/** `ws://host:port/gateway`, answered by `GET /gateway/bot`. */
	readonly gatewayUrl: string;
	readonly shardCount: number;
	readonly maxConcurrency: number;
	/** How long an interaction accepts its first response. */
	readonly callbackTimeoutMs: number;
	/** How many IDENTIFYs the gateway has accepted, for `session_start_limit.remaining`. */
	readonly identifyCount: () => number;
}

/** The request as a route handler sees it. */
export interface RestContext {
	readonly params: Readonly<Record<string, string>>;
	readonly query: URLSearchParams;
	readonly store: EmulatorStore;
	readonly env: RestEnvironment;
	/** Reads the JSON or multipart body (once). */
	readonly payload: () => Promise<RequestPayload>;
}

/** A handler's answer: a status and a JSON body (none for 204). */
export interface RestResult {
	readonly status: number;
	readonly body?: unknown;
}

/** One REST route, e.g. `POST /channels/:channelId/messages`. */
export interface RestRoute {
	readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	readonly pattern: string;
	/** Needs `Authorization: Bot <token>`; webhook-token and interaction-callback routes do not. */
	readonly auth: boolean;
	readonly handle: (context: RestContext) => RestResult | Promise<RestResult>;
}

/** A JSON 200 (or other status) result. */
export function json(body: unknown, status = 200): RestResult {
	return { status, body };
}

/** An empty 204 result. */
export const noContent: RestResult = { status: 204 };
