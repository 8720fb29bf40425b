import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a route of an {@link ImageServer} does with a request. */
export type ImageRoute = (request: IncomingMessage, response: ServerResponse) => void;

/** A running {@link startImageServer}. */
export interface ImageServer {
	/** `127.0.0.1:port`, as `allowedHosts` names it. */
	readonly host: string;
	/** The URL of `path` on this server. */
	url(path: string): string;
	/** Paths requested so far, in order (query strings kept). */
	readonly requests: string[];
	/** Adds or replaces what `path` serves. */
	route(path: string, handler: ImageRoute): void;
	close(): Promise<void>;
}

/** A real HTTP server on a free port of 127.0.0.1 that serves images (or hostile answers) per path; unknown paths get 404. */
export async function startImageServer(routes: Record<string, ImageRoute> = {}): Promise<ImageServer> {
	const table = new Map(Object.entries(routes));
	const requests: string[] = [];
	const server = createServer((request, response) => {
		const path = request.url ?? '/';
		requests.push(path);
		const handler = table.get(path.split('?')[0] ?? path);
		if (handler === undefined) response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
		else handler(request, response);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const host = `127.0.0.1:${port}`;
	return {
		host,
		url: (path) => `http://${host}${path}`,
		requests,
		route: (path, handler) => void table.set(path, handler),
		close: async () => {
			// Hostile routes hold connections open on purpose; close would wait for them forever.
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/** Serves `body` with a Content-Length and the given content type. */
export function serveBytes(body: Uint8Array, contentType = 'image/png'): ImageRoute {
	return (_request, response) => {
		response.writeHead(200, { 'content-type': contentType, 'content-length': body.byteLength }).end(body);
	};
}
