import { crc32 } from 'node:zlib';

/** Encodes one PNG chunk: length, type, data and the CRC of type and data. */
export function encodePngChunk(type: string, data: Uint8Array): Buffer {
	if (!/^[A-Za-z]{4}$/.test(type)) throw new TypeError(`A PNG chunk type is four ASCII letters, got "${type}"`);
	const chunk = Buffer.alloc(12 + data.length);
	chunk.writeUInt32BE(data.length, 0);
	chunk.write(type, 4, 'latin1');
	chunk.set(data, 8);
	chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
	return chunk;
}
