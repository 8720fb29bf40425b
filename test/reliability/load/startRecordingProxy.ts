import { type IncomingMessage, request as forward, Agent, createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RecordedRequest } from './RecordedRequest.js';

/** A running {@link startRecordingProxy}. */
export interface RecordingProxy {
	/** Use instead of the target's `…/api` URL (e.g. as `DISCORD_API_URL`). */
	readonly apiUrl: string;
	/** Every request so far, in arrival order. */
	readonly requests: readonly RecordedRequest[];
	close(): Promise<void>;
}

/**
 * An HTTP proxy in front of the Discord emulator that logs each request's arrival time, status and rate-limit answer,
 * so a test can check when a client sent what (the emulator itself only counts requests). `targetApiUrl` is the
 * emulator's `apiUrl` (`http://host:port/api`); paths are forwarded unchanged.
 */
export async function startRecordingProxy(targetApiUrl: string): Promise<RecordingProxy> {
	const target = new URL(targetApiUrl);
	const agent = new Agent({ keepAlive: true });
	const requests: RecordedRequest[] = [];
	const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
		const record: RecordedRequest = {
			method: incoming.method ?? 'GET',
			path: (incoming.url ?? '/').split('?')[0] ?? '/',
			arrivedAt: Date.now(),
			answeredAt: 0,
			status: 0,
			retryAfterMs: undefined,
			global: false,
		};
		requests.push(record);
		const upstream = forward(
			{ host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: { ...incoming.headers, host: target.host }, agent },
			(answer) => {
				record.status = answer.statusCode ?? 0;
				const retryAfter = answer.headers['retry-after'];
				if (record.status === 429 && typeof retryAfter === 'string') record.retryAfterMs = Number(retryAfter) * 1000;
				record.global = answer.headers['x-ratelimit-global'] === 'true';
				record.answeredAt = Date.now();
				outgoing.writeHead(record.status, answer.headers);
				answer.pipe(outgoing);
			},
		);
		upstream.on('error', () => outgoing.destroy());
		incoming.pipe(upstream);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		apiUrl: `http://127.0.0.1:${port}${target.pathname}`,
		requests,
		close: async () => {
			agent.destroy();
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
		},
	};
}
