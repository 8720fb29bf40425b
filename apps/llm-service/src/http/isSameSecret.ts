import { createHash, timingSafeEqual } from 'node:crypto';

/** Whether a presented value equals a secret, compared in constant time. */
export function isSameSecret(presented: string, secret: string): boolean {
	// Hashing first gives equal lengths, so the comparison leaks neither content nor length.
	return timingSafeEqual(digest(presented), digest(secret));
}

function digest(value: string): Buffer {
	return createHash('sha256').update(value).digest();
}
