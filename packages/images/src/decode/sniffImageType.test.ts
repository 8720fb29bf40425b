import { describe, expect, it } from 'vitest';
import { sniffImageType } from './sniffImageType.js';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
	Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((char) => char.charCodeAt(0)) : part)));

describe('sniffImageType', () => {
	it('knows PNG, JPEG, GIF and WebP by their first bytes', () => {
		expect(sniffImageType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png');
		expect(sniffImageType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
		expect(sniffImageType(bytes('GIF87a'))).toBe('gif');
		expect(sniffImageType(bytes('GIF89a', [1, 0]))).toBe('gif');
		expect(sniffImageType(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toBe('webp');
	});

	it('refuses everything else, however it is named: text, SVG, BMP, TIFF, WAV, cut-off magic', () => {
		for (const other of [
			bytes('<!doctype html>'),
			bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'),
			bytes('BM', [0, 0, 0, 0]),
			bytes('II*', [0]),
			bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '),
			bytes([0x89], 'PNG'),
			bytes('GIF8'),
			new Uint8Array(0),
		])
			expect(sniffImageType(other)).toBeUndefined();
	});
});
