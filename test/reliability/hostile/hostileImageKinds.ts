import type { ImageRefusalCode } from '@charbot/images';
import { chunkedZeros, htmlAsPng, neverAnswer, pngBomb, pngClaiming, redirectTo, trickle } from '../../images/hostileImages.js';
import type { ImageRoute, ImageServer } from '../../images/startImageServer.js';

/** One kind of hostile image: what its server does, and the refusal it must end in. */
export interface HostileImageKind {
	readonly name: string;
	readonly path: string;
	readonly route: ImageRoute;
	readonly code: ImageRefusalCode;
	/** Slow kinds are bounded by the download timeout; the others must be refused well before it. */
	readonly slow: boolean;
}

/**
 * The hostile images of the issue (huge dimensions, a wrong content type, a redirect to another host, a slow server, a
 * decompression bomb) and three more a CDN URL could lead to: a server that never answers, a body that never ends, and
 * a redirect loop. `elsewhere` is a server the images may not be fetched from.
 */
export async function hostileImageKinds(elsewhere: ImageServer, bombSide: number): Promise<HostileImageKind[]> {
	const bomb = await pngBomb(bombSide);
	const serve: ImageRoute = (_request, response) => void response.writeHead(200, { 'content-type': 'image/png', 'content-length': bomb.byteLength }).end(bomb);
	return [
		{ name: 'huge dimensions', path: '/huge.png', route: serveBuffer(pngClaiming(100_000, 100_000)), code: 'too-many-pixels', slow: false },
		{ name: 'decompression bomb', path: '/bomb.png', route: serve, code: 'too-many-pixels', slow: false },
		{ name: 'HTML served as image/png', path: '/page.png', route: htmlAsPng, code: 'not-an-image', slow: false },
		{ name: 'redirect to another host', path: '/away.png', route: redirectTo(elsewhere.url('/stolen.png')), code: 'redirected-away', slow: false },
		{ name: 'redirect loop', path: '/loop.png', route: redirectTo('/loop.png'), code: 'http-error', slow: false },
		{ name: 'endless chunked body', path: '/endless.png', route: chunkedZeros(64 * 1024 * 1024), code: 'too-large', slow: false },
		{ name: 'slow server', path: '/slow.png', route: trickle(100), code: 'timeout', slow: true },
		{ name: 'server that never answers', path: '/silent.png', route: neverAnswer, code: 'timeout', slow: true },
	];
}

function serveBuffer(body: Buffer): ImageRoute {
	return (_request, response) => void response.writeHead(200, { 'content-type': 'image/png', 'content-length': body.byteLength }).end(body);
}
