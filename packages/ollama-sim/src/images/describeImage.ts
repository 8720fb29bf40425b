import { createHash } from 'node:crypto';
import type { SimImage } from './SimImage.js';

/** The size and hash of one decoded image, and the message that carried it. */
export function describeImage(bytes: Uint8Array, message: number): SimImage {
	return { message, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}
