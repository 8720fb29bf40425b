import { CardImportError } from './CardImportError.js';
import { pngTextChunks } from './pngTextChunks.js';
import { readPngChunks } from './readPngChunks.js';

/**
 * The card JSON inside a PNG: the `ccv3` text chunk when present, else `chara`; each holds base64 JSON. Throws
 * `PngFormatError` for a malformed PNG and `CardImportError` when no readable card is inside.
 */
export function readCardFromPng(bytes: Uint8Array): unknown {
	const texts = pngTextChunks(readPngChunks(bytes));
	const chunk = texts.find((text) => text.keyword === 'ccv3') ?? texts.find((text) => text.keyword === 'chara');
	if (chunk === undefined) throw new CardImportError('PNG', ['the PNG holds no character card (no tEXt chunk named ccv3 or chara)']);
	const payload = chunk.text.trim();
	let json: string;
	if (payload.startsWith('{')) {
		json = payload;
	} else if (/^[A-Za-z0-9+/]+={0,2}$/.test(payload.replace(/\s+/g, ''))) {
		json = Buffer.from(payload, 'base64').toString('utf8');
	} else {
		throw new CardImportError('PNG', [`the ${chunk.keyword} chunk is neither base64 nor JSON`]);
	}
	try {
		return JSON.parse(json);
	} catch (error) {
		throw new CardImportError('PNG', [`the ${chunk.keyword} chunk does not hold valid JSON (${(error as Error).message})`]);
	}
}
