import type { FastifyReply, FastifyRequest } from 'fastify';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * An `onRequest` hook against cross-site requests that change state, the way Go's `http.CrossOriginProtection` decides:
 * `Sec-Fetch-Site` when the browser sends it (same-origin or none pass), else an `Origin` whose host must be the request's
 * `Host`; a request with neither comes from no browser and passes. A body must be JSON: a cross-site HTML form can only
 * send text/plain, urlencoded or multipart bodies, and a browser asks before sending JSON across sites.
 */
export async function refuseCrossSiteWrites(request: FastifyRequest, reply: FastifyReply): Promise<void> {
	if (safeMethods.has(request.method)) return;
	const site = request.headers['sec-fetch-site'];
	const origin = request.headers.origin;
	if (site !== undefined) {
		if (site !== 'same-origin' && site !== 'none') return refuse(reply, 403, `cross-site ${request.method} refused (Sec-Fetch-Site: ${site})`);
	} else if (origin !== undefined && hostOf(origin) !== request.headers.host) {
		return refuse(reply, 403, `${request.method} from another origin refused`);
	}
	const hasBody =
		(request.headers['content-length'] !== undefined && request.headers['content-length'] !== '0') || request.headers['transfer-encoding'] !== undefined;
	const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
	if (hasBody && type !== 'application/json')
		return refuse(reply, 415, `the queue dashboard takes JSON bodies only (Content-Type: application/json), got ${type ?? 'none'}`);
}

function hostOf(origin: string): string | undefined {
	try {
		return new URL(origin).host;
	} catch {
		return undefined;
	}
}

async function refuse(reply: FastifyReply, status: number, message: string): Promise<void> {
	await reply.code(status).send({ error: message });
}
