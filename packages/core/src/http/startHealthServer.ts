import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logging/createLogger.js';

/** The outcome of one readiness check. */
export interface CheckResult {
	readonly ok: boolean;
	/** Why, in a sentence an operator can act on. */
	readonly detail?: string;
}

/** A named readiness check; it should answer within a second. */
export type ReadinessCheck = () => Promise<CheckResult> | CheckResult;

/** Renders the Prometheus exposition (the ops issue plugs prom-client in here). */
export type MetricsRenderer = () => Promise<{ contentType: string; body: string }>;

/** A handler for an extra route; return false to fall through to 404. */
export type ExtraRoute = (request: IncomingMessage, response: ServerResponse) => Promise<boolean> | boolean;

/** Options of {@link startHealthServer}. */
export interface HealthServerOptions {
	readonly port: number;
	/** `::` (default) accepts IPv6 and IPv4, so `localhost` works whichever it resolves to. */
	readonly host?: string;
	readonly checks?: Readonly<Record<string, ReadinessCheck>>;
	readonly metrics?: MetricsRenderer;
	readonly routes?: ExtraRoute;
	readonly logger?: Logger;
	/** Milliseconds one check may take before it counts as failed. */
	readonly checkTimeoutMs?: number;
}

/** A running health server. */
export interface HealthServer {
	readonly url: string;
	readonly port: number;
	/** Marks the process as stopping: `/readyz` turns 503 so load balancers stop sending work. */
	markStopping(): void;
	close(): Promise<void>;
}

/** Serves `/healthz` (alive), `/readyz` (every check, each with its own status) and `/metrics`. */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
	let stopping = false;
	const checkTimeoutMs = options.checkTimeoutMs ?? 2000;
	const server = createServer((request, response) => {
		route(request, response).catch((error: unknown) => {
			options.logger?.error({ err: error, url: request.url }, 'health server request failed');
			if (!response.headersSent) sendJson(response, 500, { error: 'internal error' });
			else response.end();
		});
	});
	// Probes may keep connections open; don't let them hold shutdown.
	server.keepAliveTimeout = 1000;

	async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const path = (request.url ?? '/').split('?')[0];
		if (request.method === 'GET' && path === '/healthz') return sendJson(response, 200, { status: 'ok' });
		if (request.method === 'GET' && path === '/readyz') {
			const results = await runChecks(options.checks ?? {}, checkTimeoutMs);
			if (stopping) results.shutdown = { ok: false, detail: 'process is shutting down' };
			const ready = Object.values(results).every((result) => result.ok);
			return sendJson(response, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks: results });
		}
		if (request.method === 'GET' && path === '/metrics' && options.metrics) {
			const { contentType, body } = await options.metrics();
			response.writeHead(200, { 'content-type': contentType });
			response.end(body);
			return;
		}
		if (options.routes && (await options.routes(request, response))) return;
		sendJson(response, 404, { error: `no route ${request.method} ${path}` });
	}

	const host = options.host ?? '::';
	await listen(server, options.port, host);
	const { port } = server.address() as AddressInfo;
	const urlHost = host === '::' || host === '0.0.0.0' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
	return {
		url: `http://${urlHost}:${port}`,
		port,
		markStopping: () => {
			stopping = true;
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

function listen(server: Server, port: number, host: string): Promise<void> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen({ port, host, ipv6Only: false }, () => {
			server.off('error', reject);
			resolve();
		});
	});
}

async function runChecks(checks: Readonly<Record<string, ReadinessCheck>>, timeoutMs: number): Promise<Record<string, CheckResult>> {
	const entries = await Promise.all(
		Object.entries(checks).map(async ([name, check]): Promise<[string, CheckResult]> => {
			let timer: NodeJS.Timeout | undefined;
			const timeout = new Promise<CheckResult>((resolve) => {
				timer = setTimeout(() => resolve({ ok: false, detail: `check did not answer within ${timeoutMs} ms` }), timeoutMs);
			});
			try {
				return [name, await Promise.race([Promise.resolve().then(check), timeout])];
			} catch (error) {
				return [name, { ok: false, detail: error instanceof Error ? error.message : String(error) }];
			} finally {
				clearTimeout(timer);
			}
		}),
	);
	return Object.fromEntries(entries);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
	response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
	response.end(JSON.stringify(body));
}
