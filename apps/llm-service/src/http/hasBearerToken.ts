import { createHash, timingSafeEqual } from 'node:crypto';

/** Whether an `Authorization` header carries `Bearer <token>`; compared in constant time. */
export function hasBearerToken(header: string | undefined, token: string): boolean {
	const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
	if (!match?.[1]) return false;
	// Hashing first gives equal lengths, so the comparison leaks neither content nor length.
	return timingSafeEqual(digest(match[1]), digest(token));
}

function digest(value: string): Buffer {
	return createHash('sha256').update(value).digest();
}
