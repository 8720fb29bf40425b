import { Agent, createServer, type IncomingMessage, request as forward, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request a {@link HoldingProxy} let through to Discord and whose answer it kept from the client. */
export interface HeldAnswer {
	readonly method: string;
	readonly path: string;
	/** The status the upstream answered with (the request took effect there). */
	readonly status: number;
	/** The upstream's body, e.g. the message it created. */
	readonly body: string;
}

/** A running {@link startHoldingProxy}. */
export interface HoldingProxy {
	/** Use instead of the target's `…/api` URL (e.g. as `DISCORD_API_URL`). */
	readonly apiUrl: string;
	/**
	 * The next request that `matches` goes through to the target, but its answer never reaches the client (the connection
	 * stays open until the proxy closes): as if the client died right after the request took effect. Resolves once the
	 * target has answered it.
	 */
	holdNextAnswer(matches: (method: string, path: string) => boolean): Promise<HeldAnswer>;
	close(): Promise<void>;
}

/**
 * An HTTP proxy in front of the Discord emulator that can swallow the answer to one request after it took effect, so a
 * test can kill the client between Discord acting and the client learning of it. `targetApiUrl` is the emulator's
 * `apiUrl`; paths are forwarded unchanged.
 */
export async function startHoldingProxy(targetApiUrl: string): Promise<HoldingProxy> {
	const target = new URL(targetApiUrl);
	const agent = new Agent({ keepAlive: true });
	const holds: { matches: (method: string, path: string) => boolean; resolve: (answer: HeldAnswer) => void }[] = [];
	const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
		const method = incoming.method ?? 'GET';
		const path = (incoming.url ?? '/').split('?')[0] ?? '/';
		const holdIndex = holds.findIndex((hold) => hold.matches(method, path));
		const hold = holdIndex >= 0 ? holds.splice(holdIndex, 1)[0] : undefined;
		const upstream = forward(
			{ host: target.hostname, port: target.port, method, path: incoming.url, headers: { ...incoming.headers, host: target.host }, agent },
			(answer) => {
				if (hold === undefined) {
					outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(outgoing);
					return;
				}
				const chunks: Buffer[] = [];
				answer.on('data', (chunk: Buffer) => chunks.push(chunk));
				answer.on('end', () => hold.resolve({ method, path, status: answer.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
			},
		);
		upstream.on('error', () => outgoing.destroy());
		incoming.pipe(upstream);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		apiUrl: `http://127.0.0.1:${port}${target.pathname}`,
		holdNextAnswer: (matches) => new Promise((resolve) => holds.push({ matches, resolve })),
		close: async () => {
			agent.destroy();
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
		},
	};
}
