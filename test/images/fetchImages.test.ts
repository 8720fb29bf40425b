import { createHash } from 'node:crypto';
import { DefaultImageLimits, fetchImages, type ImageLimits, type ImageOutcome, type SeenImage } from '@charbot/images';
import sharp, { type Sharp } from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkedZeros, htmlAsPng, neverAnswer, pngBomb, pngClaiming, redirectTo, trickle } from './hostileImages.js';
import { type ImageServer, serveBytes, startImageServer } from './startImageServer.js';

let server: ImageServer;
let elsewhere: ImageServer;
let limits: ImageLimits;

beforeAll(async () => {
	server = await startImageServer();
	elsewhere = await startImageServer();
	limits = { ...DefaultImageLimits, allowedHosts: [server.host], timeoutMs: 1500 };
});
afterAll(async () => {
	await server?.close();
	await elsewhere?.close();
});

type Rgb = readonly [number, number, number];

/** A solid image of one colour, optionally half transparent. */
function solid(width: number, height: number, colour: Rgb, alpha?: number): Sharp {
	const [r, g, b] = colour;
	return sharp({ create: { width, height, channels: alpha === undefined ? 3 : 4, background: { r, g, b, alpha: alpha ?? 1 } } });
}

/** An animated GIF of 20×10 frames, one per colour. */
async function animatedGif(colours: readonly Rgb[]): Promise<Buffer> {
	const frame = 20 * 10 * 3;
	const pixels = Buffer.alloc(frame * colours.length);
	colours.forEach((colour, index) => {
		for (let offset = index * frame; offset < (index + 1) * frame; offset += 3) pixels.set(colour, offset);
	});
	return sharp(pixels, { raw: { width: 20, height: 10 * colours.length, channels: 3, pageHeight: 10 } })
		.gif({ delay: colours.map(() => 100), loop: 0 })
		.toBuffer();
}

/** The outcome, which must be a seen image. */
function seen(outcome: ImageOutcome | undefined): SeenImage {
	if (outcome?.ok !== true) throw new Error(`expected a seen image, got ${JSON.stringify(outcome)}`);
	return outcome;
}

/** What the model receives, decoded: its format, size, frame count and the colour of its first pixel. */
async function decodeSeen(image: SeenImage): Promise<{ format: string | undefined; width: number; height: number; pages: number; pixel: number[] }> {
	const data = Buffer.from(image.base64, 'base64');
	const meta = await sharp(data).metadata();
	const raw = await sharp(data).raw().toBuffer();
	return { format: meta.format, width: meta.width, height: meta.height, pages: meta.pages ?? 1, pixel: [...raw.subarray(0, meta.channels)] };
}

function expectColour(pixel: readonly number[], colour: Rgb): void {
	colour.forEach((channel, index) => expect(Math.abs((pixel[index] ?? -1) - channel)).toBeLessThanOrEqual(8));
}

describe('fetchImages: images the model can see', () => {
	it('normalises PNG with alpha to PNG, and JPEG and WebP to JPEG, keeping their dimensions and colours', async () => {
		server.route('/png', serveBytes(await solid(64, 32, [0, 200, 0], 0.5).png().toBuffer()));
		server.route('/jpeg', serveBytes(await solid(40, 30, [200, 0, 0]).jpeg().toBuffer(), 'image/jpeg'));
		server.route('/webp', serveBytes(await solid(30, 40, [0, 0, 200]).webp().toBuffer(), 'image/webp'));
		const [png, jpeg, webp] = await fetchImages(
			[
				{ url: server.url('/png'), name: 'a.png' },
				{ url: server.url('/jpeg'), name: 'b.jpg' },
				{ url: server.url('/webp'), name: 'c.webp' },
			],
			limits,
		);
		expect(seen(png)).toMatchObject({ name: 'a.png', type: 'png', width: 64, height: 32 });
		expect(seen(jpeg)).toMatchObject({ name: 'b.jpg', type: 'jpeg', width: 40, height: 30 });
		expect(seen(webp)).toMatchObject({ name: 'c.webp', type: 'webp', width: 30, height: 40 });
		const pngSeen = await decodeSeen(seen(png));
		expect(pngSeen).toMatchObject({ format: 'png', width: 64, height: 32 });
		expectColour(pngSeen.pixel, [0, 200, 0]);
		expect(pngSeen.pixel[3]).toBeGreaterThan(100);
		expect(pngSeen.pixel[3]).toBeLessThan(155);
		const jpegSeen = await decodeSeen(seen(jpeg));
		expect(jpegSeen).toMatchObject({ format: 'jpeg', width: 40, height: 30 });
		expectColour(jpegSeen.pixel, [200, 0, 0]);
		const webpSeen = await decodeSeen(seen(webp));
		expect(webpSeen).toMatchObject({ format: 'jpeg', width: 30, height: 40 });
		expectColour(webpSeen.pixel, [0, 0, 200]);
	});

	it('passes only the first frame of an animated GIF', async () => {
		const gif = await animatedGif([
			[255, 0, 0],
			[0, 0, 255],
			[0, 255, 0],
		]);
		expect((await sharp(gif).metadata()).pages).toBeGreaterThan(1);
		server.route('/animated.gif', serveBytes(gif, 'image/gif'));
		const [outcome] = await fetchImages([{ url: server.url('/animated.gif'), name: 'dance.gif' }], limits);
		expect(seen(outcome)).toMatchObject({ type: 'gif', width: 20, height: 10 });
		const first = await decodeSeen(seen(outcome));
		expect(first).toMatchObject({ width: 20, height: 10, pages: 1 });
		expectColour(first.pixel, [255, 0, 0]);
	});

	it('scales a large image down to outputMaxSide, aspect kept, and reports its original size', async () => {
		server.route('/large', serveBytes(await solid(3000, 1500, [90, 90, 90]).jpeg().toBuffer(), 'image/jpeg'));
		const [outcome] = await fetchImages([{ url: server.url('/large'), name: 'wide.jpg' }], limits);
		expect(seen(outcome)).toMatchObject({ width: 3000, height: 1500 });
		expect(await decodeSeen(seen(outcome))).toMatchObject({ format: 'jpeg', width: 1344, height: 672 });
	});

	it('hashes and counts the downloaded bytes, not the normalised ones', async () => {
		const bytes = await solid(50, 50, [10, 20, 30]).png().toBuffer();
		server.route('/hashed', serveBytes(bytes));
		const [outcome] = await fetchImages([{ url: server.url('/hashed'), name: 'h.png', size: bytes.byteLength }], limits);
		expect(seen(outcome).sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
		expect(seen(outcome).bytes).toBe(bytes.byteLength);
	});

	it('keeps the order of the sources while downloading them in parallel', async () => {
		const png = await solid(8, 8, [1, 2, 3]).png().toBuffer();
		const delayed =
			(ms: number): Parameters<ImageServer['route']>[1] =>
			(request, response) =>
				void setTimeout(() => serveBytes(png)(request, response), ms);
		server.route('/slowest', delayed(400));
		server.route('/slower', delayed(200));
		server.route('/fast', delayed(0));
		const startedAt = Date.now();
		const outcomes = await fetchImages(
			[
				{ url: server.url('/slowest'), name: 'one.png' },
				{ url: server.url('/nothing-here'), name: 'two.png' },
				{ url: server.url('/slower'), name: 'three.png' },
				{ url: server.url('/fast'), name: 'four.png' },
			],
			limits,
		);
		expect(outcomes.map((outcome) => [outcome.name, outcome.ok])).toEqual([
			['one.png', true],
			['two.png', false],
			['three.png', true],
			['four.png', true],
		]);
		// In parallel: the slowest alone sets the pace (in series it would be 600 ms or more).
		expect(Date.now() - startedAt).toBeLessThan(600);
	});
});

describe('fetchImages: limits', () => {
	it('refuses sources past maxImages without downloading them', async () => {
		server.route('/many', serveBytes(await solid(8, 8, [5, 5, 5]).png().toBuffer()));
		const before = server.requests.length;
		const sources = Array.from({ length: 6 }, (_, index) => ({ url: server.url(`/many?${index}`), name: `${index}.png` }));
		const outcomes = await fetchImages(sources, limits);
		expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, true, true, true, false, false]);
		expect(outcomes[5]).toMatchObject({ ok: false, name: '5.png', code: 'too-many', reason: 'only the first 4 images of a message are looked at' });
		expect(server.requests.slice(before).sort()).toEqual(['/many?0', '/many?1', '/many?2', '/many?3']);
	});

	it('refuses an image too large by its reported size without a request', async () => {
		server.route('/reported-large', serveBytes(await solid(8, 8, [5, 5, 5]).png().toBuffer()));
		const before = server.requests.length;
		const [outcome] = await fetchImages([{ url: server.url('/reported-large'), name: 'big.png', size: 9 * 1024 * 1024 }], limits);
		expect(outcome).toEqual({ ok: false, name: 'big.png', size: 9 * 1024 * 1024, code: 'too-large', reason: 'it is larger than 8 MiB' });
		expect(server.requests.length).toBe(before);
	});

	it('stops a body that grows past maxBytes, whatever the size reported, chunked or declared', async () => {
		server.route('/chunked', chunkedZeros(20 * 1024 * 1024));
		// Declares 20 MiB and sends almost nothing: refused on the header, not by the timeout.
		server.route('/declared', (_request, response) => {
			response.writeHead(200, { 'content-type': 'image/png', 'content-length': 20 * 1024 * 1024 });
			response.write(Buffer.alloc(16));
		});
		const startedAt = Date.now();
		const outcomes = await fetchImages(
			[
				{ url: server.url('/chunked'), name: 'liar.png', size: 1000 },
				{ url: server.url('/declared'), name: 'declared.png' },
			],
			limits,
		);
		expect(outcomes.map((outcome) => (outcome.ok ? 'seen' : outcome.code))).toEqual(['too-large', 'too-large']);
		expect(Date.now() - startedAt).toBeLessThan(limits.timeoutMs);
	});

	it('refuses by content, never by name or content type: HTML as image/png, BMP, SVG, text', async () => {
		server.route('/html.png', htmlAsPng);
		server.route('/image.tiff', serveBytes(await solid(8, 8, [5, 5, 5]).tiff().toBuffer(), 'image/tiff'));
		server.route('/image.svg', serveBytes(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'), 'image/svg+xml'));
		const bmp = Buffer.alloc(58);
		bmp.write('BM', 0, 'latin1');
		server.route('/real.bmp', serveBytes(bmp, 'image/bmp'));
		const outcomes = await fetchImages(
			[
				{ url: server.url('/html.png'), name: 'cat.png' },
				{ url: server.url('/image.tiff'), name: 'tiff.png' },
				{ url: server.url('/image.svg'), name: 'vector.png' },
				{ url: server.url('/real.bmp'), name: 'bitmap.png' },
			],
			limits,
		);
		for (const outcome of outcomes) expect(outcome).toMatchObject({ ok: false, code: 'not-an-image', reason: 'it is not a PNG, JPEG, WebP or GIF image' });
	});

	it('refuses a header claiming 100000×100000 pixels without decoding it', async () => {
		server.route('/huge.png', serveBytes(pngClaiming(100_000, 100_000)));
		const startedAt = Date.now();
		const [outcome] = await fetchImages([{ url: server.url('/huge.png'), name: 'huge.png' }], limits);
		expect(outcome).toMatchObject({ ok: false, code: 'too-many-pixels', reason: 'it is 100000×100000 pixels, more than 25 megapixels' });
		expect(Date.now() - startedAt).toBeLessThan(500);
	});

	it('refuses a real decompression bomb (small on disk, 100 megapixels inflated) from its header', async () => {
		const bomb = await pngBomb(10_000);
		expect(bomb.byteLength).toBeLessThan(1024 * 1024);
		server.route('/bomb.png', serveBytes(bomb));
		const startedAt = Date.now();
		const [outcome] = await fetchImages([{ url: server.url('/bomb.png'), name: 'bomb.png' }], limits);
		expect(outcome).toMatchObject({ ok: false, code: 'too-many-pixels' });
		expect(Date.now() - startedAt).toBeLessThan(500);
		// The same bomb is a valid image: within a limit that allows it, it would decode (and take time and memory).
		expect(await sharp(bomb, { limitInputPixels: false }).metadata()).toMatchObject({ format: 'png', width: 10_000, height: 10_000 });
	});

	it('refuses a truncated image as unreadable', async () => {
		const png = await solid(200, 200, [0, 0, 0]).png({ compressionLevel: 0 }).toBuffer();
		server.route('/cut.png', serveBytes(png.subarray(0, png.byteLength / 2)));
		const jpeg = await solid(200, 200, [0, 0, 0]).jpeg().toBuffer();
		server.route('/cut.jpg', serveBytes(jpeg.subarray(0, jpeg.byteLength / 2), 'image/jpeg'));
		const outcomes = await fetchImages(
			[
				{ url: server.url('/cut.png'), name: 'cut.png' },
				{ url: server.url('/cut.jpg'), name: 'cut.jpg' },
			],
			limits,
		);
		for (const outcome of outcomes) expect(outcome).toMatchObject({ ok: false, code: 'unreadable', reason: 'it is damaged or cut off' });
	});
});

describe('fetchImages: where images come from', () => {
	it('refuses a host not allowed, or a URL that is not http(s), without a request', async () => {
		elsewhere.route('/x.png', serveBytes(await solid(8, 8, [5, 5, 5]).png().toBuffer()));
		const before = elsewhere.requests.length;
		const outcomes = await fetchImages(
			[
				{ url: elsewhere.url('/x.png'), name: 'x.png' },
				{ url: `file:///etc/passwd`, name: 'passwd.png' },
				{ url: 'not a url', name: 'odd.png' },
				{ url: `http://user:secret@${server.host}/x.png`, name: 'creds.png' },
			],
			limits,
		);
		for (const outcome of outcomes) expect(outcome).toMatchObject({ ok: false, code: 'not-on-discord', reason: "it is not on Discord's CDN" });
		expect(elsewhere.requests.length).toBe(before);
	});

	it('follows a redirect within the allowed hosts, refuses one elsewhere and too many', async () => {
		server.route('/moved.png', redirectTo('/real.png', 301));
		server.route('/real.png', serveBytes(await solid(8, 8, [5, 5, 5]).png().toBuffer()));
		server.route('/away.png', redirectTo(elsewhere.url('/x.png')));
		server.route('/loop', redirectTo('/loop'));
		const before = elsewhere.requests.length;
		const [moved, away, loop] = await fetchImages(
			[
				{ url: server.url('/moved.png'), name: 'moved.png' },
				{ url: server.url('/away.png'), name: 'away.png' },
				{ url: server.url('/loop'), name: 'loop.png' },
			],
			limits,
		);
		expect(seen(moved)).toMatchObject({ name: 'moved.png', type: 'png' });
		expect(away).toMatchObject({ ok: false, code: 'redirected-away', reason: 'its link leads away from Discord' });
		expect(loop).toMatchObject({ ok: false, code: 'http-error', reason: 'its link redirects more than 2 times' });
		expect(elsewhere.requests.length).toBe(before);
	});

	it('refuses a slow server and one that never answers by the timeout', async () => {
		server.route('/trickle.png', trickle(50));
		server.route('/silent.png', neverAnswer);
		const quick = { ...limits, timeoutMs: 400 };
		const startedAt = Date.now();
		const outcomes = await fetchImages(
			[
				{ url: server.url('/trickle.png'), name: 'trickle.png' },
				{ url: server.url('/silent.png'), name: 'silent.png' },
			],
			quick,
		);
		for (const outcome of outcomes) expect(outcome).toMatchObject({ ok: false, code: 'timeout', reason: 'it took longer than 0.4 seconds to download' });
		expect(Date.now() - startedAt).toBeLessThan(1500);
	});

	it('refuses HTTP errors and a server that is not there', async () => {
		server.route('/broken', (_request, response) => void response.writeHead(500).end('oops'));
		const closed = await startImageServer();
		const gone = closed.url('/x.png');
		await closed.close();
		const outcomes = await fetchImages(
			[
				{ url: server.url('/missing.png'), name: 'missing.png' },
				{ url: server.url('/broken'), name: 'broken.png' },
				{ url: gone, name: 'gone.png' },
			],
			{ ...limits, allowedHosts: [server.host, closed.host] },
		);
		expect(outcomes.map((outcome) => (outcome.ok ? 'seen' : `${outcome.code}: ${outcome.reason}`))).toEqual([
			'http-error: its server answered 404',
			'http-error: its server answered 500',
			'http-error: its download failed',
		]);
	});

	it("rejects with the caller's abort, before or during the downloads", async () => {
		server.route('/held.png', neverAnswer);
		const source = { url: server.url('/held.png'), name: 'held.png' };
		await expect(fetchImages([source], limits, { signal: AbortSignal.abort(new Error('shutting down')) })).rejects.toThrow('shutting down');
		const controller = new AbortController();
		setTimeout(() => controller.abort(new Error('member deleted the message')), 100);
		const startedAt = Date.now();
		await expect(fetchImages([source], limits, { signal: controller.signal })).rejects.toThrow('member deleted the message');
		expect(Date.now() - startedAt).toBeLessThan(limits.timeoutMs);
	});

	it('names a wrong limit', async () => {
		await expect(fetchImages([], { ...limits, maxBytes: -1 })).rejects.toThrow(/image limits: maxBytes/);
	});
});
