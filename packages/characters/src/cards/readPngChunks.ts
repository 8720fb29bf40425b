import { crc32 } from 'node:zlib';
import { PngFormatError } from './PngFormatError.js';

/** One PNG chunk: its four-letter type and its data bytes. */
export interface PngChunk {
	readonly type: string;
	readonly data: Uint8Array;
}

/** The eight bytes every PNG file starts with. */
export const pngSignature = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/**
 * Splits a PNG into its chunks up to IEND, checking the signature, every chunk's bounds and CRC. Throws a
 * {@link PngFormatError} on anything malformed; never reads past the buffer.
 */
export function readPngChunks(bytes: Uint8Array): PngChunk[] {
	if (bytes.length < pngSignature.length || pngSignature.some((byte, index) => bytes[index] !== byte)) {
		throw new PngFormatError('not a PNG file: the PNG signature is missing', 0);
	}
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const chunks: PngChunk[] = [];
	let offset = pngSignature.length;
	for (;;) {
		if (offset === bytes.length) throw new PngFormatError('truncated PNG: the file ends before the IEND chunk', offset);
		if (offset + 12 > bytes.length) throw new PngFormatError(`truncated PNG: incomplete chunk header at byte ${offset}`, offset);
		const length = view.getUint32(offset);
		const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
		if (!/^[A-Za-z]{4}$/.test(type)) throw new PngFormatError(`corrupt PNG: invalid chunk type at byte ${offset}`, offset);
		if (length > 0x7fffffff) throw new PngFormatError(`corrupt PNG: ${type} chunk at byte ${offset} declares an impossible length`, offset);
		const end = offset + 12 + length;
		if (end > bytes.length) {
			throw new PngFormatError(`truncated PNG: ${type} chunk at byte ${offset} declares ${length} bytes but only ${bytes.length - offset - 12} remain`, offset);
		}
		const expected = view.getUint32(offset + 8 + length);
		if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== expected) {
			throw new PngFormatError(`corrupt PNG: CRC mismatch in the ${type} chunk at byte ${offset}`, offset);
		}
		if (chunks.length === 0 && type !== 'IHDR') throw new PngFormatError(`corrupt PNG: the first chunk is ${type}, not IHDR`, offset);
		chunks.push({ type, data: bytes.subarray(offset + 8, offset + 8 + length) });
		offset = end;
		if (type === 'IEND') return chunks;
	}
}
