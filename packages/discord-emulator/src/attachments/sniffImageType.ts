import { readImageSize } from './readImageSize.js';

/** The image type of PNG, GIF, JPEG or WebP bytes (by their header), or null for anything else. */
export function sniffImageType(bytes: Uint8Array): string | null {
	if (readImageSize(bytes) === null) return null;
	if (bytes[0] === 0x89) return 'image/png';
	if (bytes[0] === 0x47) return 'image/gif';
	if (bytes[0] === 0xff) return 'image/jpeg';
	if (bytes[0] === 0x52) return 'image/webp';
	return null;
}
