import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Whether a request carries `Authorization: Bearer <key>`; compared in constant time, as a real gateway would. */
export function hasBearerKey(request: IncomingMessage, key: string): boolean {
	const match = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '');
	if (!match?.[1]) return false;
	// Equal-length digests, so the comparison reveals neither the key's length nor its prefix.
	const digest = (text: string) => createHash('sha256').update(text).digest();
	return timingSafeEqual(digest(match[1].trim()), digest(key));
}
