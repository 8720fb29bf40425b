import type { ImageRef } from '@charbot/contracts';
import { DefaultImageLimits, type ImageLimits } from '@charbot/images';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookAtImages } from '../../apps/message-router/src/vision/lookAtImages.js';
import { type ImageServer, serveBytes, startImageServer } from '../images/startImageServer.js';

let server: ImageServer;
let limits: ImageLimits;
let cat: ImageRef;

beforeAll(async () => {
	const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 200, g: 20, b: 20 } } })
		.png()
		.toBuffer();
	server = await startImageServer({ '/cat.png': serveBytes(png), '/notes.png': serveBytes(Buffer.from('<html>not a picture</html>'), 'image/png') });
	limits = { ...DefaultImageLimits, allowedHosts: [server.host] };
	cat = { url: server.url('/cat.png'), name: 'cat.png', size: png.byteLength, source: 'attachment' };
});
afterAll(async () => server?.close());

describe('lookAtImages', () => {
	it('shows the model what it can see and notes every picture, the replied-to one included', async () => {
		const beach: ImageRef = { ...cat, name: 'beach.png', inReply: true };
		const view = await lookAtImages([cat, beach], { canSee: true, visionConfigured: true, limits });
		expect(view.images).toHaveLength(2);
		expect(Buffer.from(view.images[0] ?? '', 'base64').subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
		expect(view.notes).toEqual([
			expect.stringMatching(/^\(picture: cat\.png, \d+ B — you can see it\)$/),
			expect.stringMatching(/^\(picture in the message replied to: beach\.png, \d+ B — you can see it\)$/),
		]);
		expect(view.unseen).toEqual([]);
	});

	it('refuses a picture that breaks the limits, says why in its note and in the notice, and still shows the others', async () => {
		const fake: ImageRef = { url: server.url('/notes.png'), name: 'notes.png', source: 'attachment' };
		const huge: ImageRef = { ...cat, name: 'huge.png', size: 50 * 1024 * 1024 };
		const view = await lookAtImages([fake, cat, huge], { canSee: true, visionConfigured: true, limits });
		expect(view.images).toHaveLength(1);
		expect(view.notes[0]).toMatch(/^\(picture: notes\.png — not shown to you: .+\)$/);
		expect(view.notes[2]).toBe('(picture: huge.png, 50 MiB — not shown to you: it is larger than 8 MiB)');
		expect(view.unseen.map((each) => (each.notice === 'image-refused' ? each.code : each.notice))).toEqual(['not-an-image', 'too-large']);
		expect(view.unseen[1]).toMatchObject({
			detail:
				'huge.png was not shown to the characters: it is larger than 8 MiB. They see PNG, JPEG, WebP and GIF pictures of up to 8 MiB, 4 per message, posted on Discord.',
		});
	});

	it('downloads nothing without a vision model, and says so once; nothing to tell while its hosts are only down', async () => {
		const before = server.requests.length;
		const blind = await lookAtImages([cat], { canSee: false, visionConfigured: false, limits });
		expect(blind).toEqual({
			images: [],
			notes: [expect.stringMatching(/^\(picture: cat\.png, \d+ B — you cannot see pictures; you only know it was posted\)$/)],
			unseen: [{ notice: 'images-unseen' }],
		});
		const resting = await lookAtImages([cat], { canSee: false, visionConfigured: true, limits });
		expect(resting.unseen).toEqual([]);
		expect(server.requests.length).toBe(before);
		expect(await lookAtImages([], { canSee: true, visionConfigured: true, limits })).toEqual({ images: [], notes: [], unseen: [] });
	});
});
