import { deflateSync } from 'node:zlib';
import { encodePngChunk } from './encodePngChunk.js';
import { pngSignature, readPngChunks } from './readPngChunks.js';

/** The card JSON to embed, by `tEXt` keyword: `chara` holds a V2 card, `ccv3` a V3 card. */
export interface EmbeddedCards {
	readonly chara?: unknown;
	readonly ccv3?: unknown;
}

/** Options of {@link encodePngWithCard}. */
export interface EncodePngWithCardOptions {
	/** A PNG to carry the card (its old card chunks are replaced); a 1x1 pixel image when omitted. */
	readonly image?: Uint8Array;
}

/** Writes Character Card JSON into a PNG as base64 `tEXt` chunks, the way SillyTavern and other front ends read them. */
export function encodePngWithCard(cards: EmbeddedCards, options: EncodePngWithCardOptions = {}): Buffer {
	const chunks = options.image === undefined ? onePixelChunks() : readPngChunks(options.image).filter((chunk) => !isCardChunk(chunk.type, chunk.data));
	const cardChunks = (['chara', 'ccv3'] as const)
		.filter((keyword) => cards[keyword] !== undefined)
		.map((keyword) => textChunk(keyword, Buffer.from(JSON.stringify(cards[keyword]), 'utf8').toString('base64')));
	const parts: Uint8Array[] = [pngSignature];
	for (const chunk of chunks) {
		if (chunk.type === 'IEND') parts.push(...cardChunks);
		parts.push(encodePngChunk(chunk.type, chunk.data));
	}
	return Buffer.concat(parts);
}

function textChunk(keyword: string, text: string): Buffer {
	return encodePngChunk('tEXt', Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.of(0), Buffer.from(text, 'latin1')]));
}

function isCardChunk(type: string, data: Uint8Array): boolean {
	if (type !== 'tEXt') return false;
	const keyword = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1', 0, Math.max(0, data.indexOf(0)));
	return keyword === 'chara' || keyword === 'ccv3';
}

function onePixelChunks(): { type: string; data: Uint8Array }[] {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(1, 0);
	header.writeUInt32BE(1, 4);
	// Bit depth 8, colour type 6 (RGBA), no interlacing: the plainest header every decoder accepts.
	header.set([8, 6, 0, 0, 0], 8);
	// One scanline: filter byte 0, then one transparent pixel.
	const pixels = deflateSync(Buffer.of(0, 0, 0, 0, 0));
	return [
		{ type: 'IHDR', data: header },
		{ type: 'IDAT', data: pixels },
		{ type: 'IEND', data: new Uint8Array(0) },
	];
}
