import { BadRequestError } from '../http/BadRequestError.js';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const decodeMap = new Uint8Array(256).fill(0xff);
for (let index = 0; index < alphabet.length; index += 1) decodeMap[alphabet.charCodeAt(index)] = index;
const pad = 0x3d;
const isNewline = (byte: number | undefined) => byte === 0x0a || byte === 0x0d;

/**
 * Decodes base64 exactly as Go's `base64.StdEncoding` does when `encoding/json` fills a `[]byte` (Ollama's
 * `api.ImageData`): padding required, `\r` and `\n` skipped, anything else refused with Go's
 * `illegal base64 data at input byte N` (N counts UTF-8 bytes of the decoded JSON string).
 */
export function decodeGoBase64(text: string): Buffer {
	const source = Buffer.from(text, 'utf8');
	const out = Buffer.alloc(Math.floor(source.length / 4) * 3 + 3);
	let written = 0;
	let at = 0;
	for (;;) {
		const quantum = [0, 0, 0, 0];
		let length = 4;
		let trailingGarbageAt: number | undefined;
		let index = 0;
		for (; index < 4; index += 1) {
			if (at === source.length) {
				if (index === 0) return out.subarray(0, written);
				// StdEncoding pads, so a short last quantum is corrupt where it began.
				throw corrupt(at - index);
			}
			const byte = source[at] as number;
			at += 1;
			const value = decodeMap[byte] as number;
			if (value !== 0xff) {
				quantum[index] = value;
				continue;
			}
			if (isNewline(byte)) {
				index -= 1;
				continue;
			}
			if (byte !== pad || index < 2) throw corrupt(at - 1);
			if (index === 2) {
				while (at < source.length && isNewline(source[at])) at += 1;
				if (at === source.length) throw corrupt(source.length);
				if (source[at] !== pad) throw corrupt(at - 1);
				at += 1;
			}
			while (at < source.length && isNewline(source[at])) at += 1;
			if (at < source.length) trailingGarbageAt = at;
			length = index;
			break;
		}
		const bits = ((quantum[0] as number) << 18) | ((quantum[1] as number) << 12) | ((quantum[2] as number) << 6) | (quantum[3] as number);
		const bytes = [(bits >> 16) & 0xff, (bits >> 8) & 0xff, bits & 0xff];
		for (let byte = 0; byte < length - 1; byte += 1) out[written++] = bytes[byte] as number;
		if (trailingGarbageAt !== undefined) throw corrupt(trailingGarbageAt);
		if (length < 4) return out.subarray(0, written);
	}
}

function corrupt(offset: number): BadRequestError {
	return new BadRequestError(`illegal base64 data at input byte ${offset}`);
}
