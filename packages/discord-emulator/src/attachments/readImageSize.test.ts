import { describe, expect, it } from 'vitest';
import { readImageSize } from './readImageSize.js';

function bytes(...parts: (number[] | string)[]): Uint8Array {
	return Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((char) => char.charCodeAt(0)) : part)));
}
const u32be = (value: number) => [(value >>> 24) & 255, (value >>> 16) & 255, (value >>> 8) & 255, value & 255];
const u16be = (value: number) => [(value >>> 8) & 255, value & 255];
const u16le = (value: number) => [value & 255, (value >>> 8) & 255];
const u24le = (value: number) => [value & 255, (value >>> 8) & 255, (value >>> 16) & 255];

describe('readImageSize', () => {
	it('reads a PNG IHDR chunk', () => {
		const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], u32be(13), 'IHDR', u32be(640), u32be(480), [8, 6, 0, 0, 0]);
		expect(readImageSize(png)).toEqual({ width: 640, height: 480 });
	});

	it('reads a GIF logical screen', () => {
		expect(readImageSize(bytes('GIF89a', u16le(320), u16le(200), [0, 0, 0]))).toEqual({ width: 320, height: 200 });
	});

	it('reads a JPEG start-of-frame after other segments', () => {
		const app0 = [0xff, 0xe0, ...u16be(16), ...'JFIF'.split('').map((char) => char.charCodeAt(0)), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
		const dht = [0xff, 0xc4, ...u16be(4), 0, 0];
		const sof2 = [0xff, 0xc2, ...u16be(17), 8, ...u16be(768), ...u16be(1024), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
		expect(readImageSize(bytes([0xff, 0xd8], app0, dht, sof2))).toEqual({ width: 1024, height: 768 });
	});

	it('reads the three WebP flavours', () => {
		const riff = (chunk: string, body: number[]) => bytes('RIFF', [0, 0, 0, 0], 'WEBP', chunk, [0, 0, 0, 0], body, new Array(16).fill(0));
		expect(readImageSize(riff('VP8X', [0, 0, 0, 0, ...u24le(99), ...u24le(49)]))).toEqual({ width: 100, height: 50 });
		const lossless = (99 & 0x3fff) | ((49 & 0x3fff) << 14);
		expect(readImageSize(riff('VP8L', [0x2f, lossless & 255, (lossless >>> 8) & 255, (lossless >>> 16) & 255, (lossless >>> 24) & 255]))).toEqual({
			width: 100,
			height: 50,
		});
		expect(readImageSize(riff('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, ...u16le(100), ...u16le(50)]))).toEqual({ width: 100, height: 50 });
	});

	it('gives null for other files and truncated headers', () => {
		expect(readImageSize(bytes('hello, this is a text file, not an image'))).toBeNull();
		expect(readImageSize(bytes([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
		expect(readImageSize(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 200]))).toBeNull();
	});
});
