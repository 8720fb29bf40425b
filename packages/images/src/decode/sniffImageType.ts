import type { ImageType } from '../outcomes/ImageOutcome.js';

const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const jpeg = [0xff, 0xd8, 0xff];
const gif87 = [...'GIF87a'].map((char) => char.charCodeAt(0));
const gif89 = [...'GIF89a'].map((char) => char.charCodeAt(0));
const riff = [...'RIFF'].map((char) => char.charCodeAt(0));
const webp = [...'WEBP'].map((char) => char.charCodeAt(0));

/** Sniffs PNG, JPEG, WebP or GIF from magic bytes (never the name or Content-Type). */
export function sniffImageType(bytes: Uint8Array): ImageType | undefined {
	if (startsWith(bytes, png)) return 'png';
	if (startsWith(bytes, jpeg)) return 'jpeg';
	if (startsWith(bytes, gif87) || startsWith(bytes, gif89)) return 'gif';
	if (startsWith(bytes, riff) && startsWith(bytes, webp, 8)) return 'webp';
	return undefined;
}

function startsWith(bytes: Uint8Array, magic: readonly number[], offset = 0): boolean {
	return bytes.length >= offset + magic.length && magic.every((byte, index) => bytes[offset + index] === byte);
}
