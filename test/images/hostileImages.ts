import { once } from 'node:events';
import { crc32, createDeflate } from 'node:zlib';
import type { ImageRoute } from './startImageServer.js';

/** A PNG chunk: length, type, data, CRC. */
function pngChunk(type: string, data: Uint8Array): Buffer {
	const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.byteLength);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(typed) >>> 0);
	return Buffer.concat([length, typed, crc]);
}

/** A greyscale PNG of `width`×`height` whose IHDR and IDAT are `idat`, already deflated. */
function greyPng(width: number, height: number, idat: Uint8Array): Buffer {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header[8] = 8; // bit depth
	header[9] = 0; // greyscale
	const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	return Buffer.concat([signature, pngChunk('IHDR', header), pngChunk('IDAT', idat), pngChunk('IEND', new Uint8Array(0))]);
}

/** A PNG whose header claims `width`×`height` but whose pixel data is a few bytes: only the header says it is huge. */
export function pngClaiming(width: number, height: number): Buffer {
	return greyPng(width, height, Buffer.from([0x78, 0x9c, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01]));
}

/**
 * A real decompression bomb: a valid greyscale PNG of `side`×`side` black pixels whose IDAT inflates to side×(side+1)
 * bytes (each row a filter byte and zeros), deflated as a stream so the test never holds the inflated data.
 */
export async function pngBomb(side: number): Promise<Buffer> {
	const deflate = createDeflate({ level: 9 });
	const chunks: Buffer[] = [];
	deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
	const zeros = Buffer.alloc(1024 * 1024);
	let left = side * (side + 1);
	while (left > 0) {
		const piece = zeros.subarray(0, Math.min(left, zeros.byteLength));
		left -= piece.byteLength;
		if (!deflate.write(piece)) await once(deflate, 'drain');
	}
	deflate.end();
	await once(deflate, 'end');
	return greyPng(side, side, Buffer.concat(chunks));
}

/** An HTML page served as `image/png`: the content type lies, the bytes tell. */
export const htmlAsPng: ImageRoute = (_request, response) => {
	response.writeHead(200, { 'content-type': 'image/png' }).end('<!doctype html><html><body>not a picture</body></html>');
};

/** Sends headers at once, then one byte every `everyMs` forever: a slow server (or one trickling on purpose). */
export function trickle(everyMs: number): ImageRoute {
	return (_request, response) => {
		response.writeHead(200, { 'content-type': 'image/png', 'content-length': 1_000_000 });
		const timer = setInterval(() => response.write(Buffer.from([0])), everyMs);
		response.on('close', () => clearInterval(timer));
	};
}

/** Accepts the request and never answers it. */
export const neverAnswer: ImageRoute = () => undefined;

/** Streams `bytes` of zeros chunked (no Content-Length): a body larger than anything reported. */
export function chunkedZeros(bytes: number): ImageRoute {
	return (_request, response) => {
		response.writeHead(200, { 'content-type': 'image/png' });
		const chunk = Buffer.alloc(64 * 1024);
		let left = bytes;
		const pump = (): void => {
			while (left > 0) {
				const piece = chunk.subarray(0, Math.min(left, chunk.byteLength));
				left -= piece.byteLength;
				if (!response.write(piece)) return void response.once('drain', pump);
			}
			response.end();
		};
		pump();
	};
}

/** Redirects to `location` with `status`. */
export function redirectTo(location: string, status = 302): ImageRoute {
	return (_request, response) => {
		response.writeHead(status, { location }).end();
	};
}
