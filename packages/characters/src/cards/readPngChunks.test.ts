import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodePngChunk } from './encodePngChunk.js';
import { encodePngWithCard } from './encodePngWithCard.js';
import { PngFormatError } from './PngFormatError.js';
import { pngTextChunks } from './pngTextChunks.js';
import { readPngChunks } from './readPngChunks.js';

const png = encodePngWithCard({ chara: { spec: 'chara_card_v2', data: { name: 'Tiny' } } });

function errorOf(bytes: Uint8Array): PngFormatError {
	try {
		readPngChunks(bytes);
	} catch (error) {
		if (error instanceof PngFormatError) return error;
		throw error;
	}
	throw new Error('expected a PngFormatError');
}

describe('readPngChunks', () => {
	it('reads the chunks of a PNG it wrote: IHDR, IDAT, the card text, IEND', () => {
		const chunks = readPngChunks(png);
		expect(chunks.map((chunk) => chunk.type)).toEqual(['IHDR', 'IDAT', 'tEXt', 'IEND']);
		const [text] = pngTextChunks(chunks);
		expect(text?.keyword).toBe('chara');
		expect(JSON.parse(Buffer.from(text?.text ?? '', 'base64').toString('utf8'))).toEqual({ spec: 'chara_card_v2', data: { name: 'Tiny' } });
	});

	it('writes a 1x1 RGBA image header', () => {
		const header = Buffer.from(readPngChunks(png)[0]?.data ?? []);
		expect([header.readUInt32BE(0), header.readUInt32BE(4), header[8], header[9]]).toEqual([1, 1, 8, 6]);
	});

	it('rejects a missing signature', () => {
		expect(errorOf(Buffer.from('{"spec":"chara_card_v2"}')).message).toBe('not a PNG file: the PNG signature is missing');
		expect(errorOf(new Uint8Array(0)).message).toMatch(/signature/);
	});

	it('rejects every truncation with a PngFormatError, never a crash', () => {
		for (let length = 8; length < png.length; length++) {
			expect(errorOf(png.subarray(0, length)).message, `cut at ${length}`).toMatch(/^truncated PNG/);
		}
	});

	it('rejects a flipped byte anywhere after the signature', () => {
		for (let offset = 8; offset < png.length; offset++) {
			const copy = Buffer.from(png);
			copy[offset] = (copy[offset] ?? 0) ^ 0x01;
			expect(() => readPngChunks(copy), `flipped at ${offset}`).toThrow(PngFormatError);
		}
	});

	it('names a CRC mismatch', () => {
		const copy = Buffer.from(png);
		copy[copy.length - 20] = (copy[copy.length - 20] ?? 0) ^ 0xff;
		expect(errorOf(copy).message).toMatch(/^corrupt PNG: CRC mismatch in the tEXt chunk at byte \d+$/);
	});

	it('rejects a huge declared length without reading past the buffer', () => {
		const copy = Buffer.from(png);
		copy.writeUInt32BE(0x7ffffff0, 8);
		expect(errorOf(copy).message).toMatch(/^truncated PNG: IHDR chunk at byte 8 declares \d+ bytes/);
	});

	it('rejects a PNG whose first chunk is not IHDR', () => {
		const bytes = Buffer.concat([png.subarray(0, 8), encodePngChunk('IEND', new Uint8Array(0))]);
		expect(errorOf(bytes).message).toBe('corrupt PNG: the first chunk is IEND, not IHDR');
	});

	it('survives random garbage behind a valid signature', () => {
		for (let round = 0; round < 200; round++) {
			const bytes = Buffer.concat([png.subarray(0, 8), randomBytes(round % 64)]);
			expect(() => readPngChunks(bytes)).toThrow(PngFormatError);
		}
	});
});

describe('encodePngWithCard', () => {
	it('replaces the card chunks of an existing image and keeps its other chunks', () => {
		const first = encodePngWithCard({ chara: { a: 1 }, ccv3: { b: 1 } });
		const second = encodePngWithCard({ chara: { a: 2 } }, { image: first });
		const texts = pngTextChunks(readPngChunks(second));
		expect(texts.map((text) => text.keyword)).toEqual(['chara']);
		expect(readPngChunks(second).map((chunk) => chunk.type)).toEqual(['IHDR', 'IDAT', 'tEXt', 'IEND']);
	});

	it('refuses a chunk type that is not four letters', () => {
		expect(() => encodePngChunk('tEX', new Uint8Array(0))).toThrow(/four ASCII letters/);
	});
});
