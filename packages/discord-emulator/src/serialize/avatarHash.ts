import { createHash } from 'node:crypto';

/**
 * The avatar hash the API shows for an image the emulator knows by URL: Discord fetches a webhook's `avatar_url` (or an
 * uploaded avatar), stores it on its CDN and sends only a 32-hex-digit hash; the URL itself stays in the emulator's
 * transcript view for the playground to draw.
 */
export function avatarHash(url: string): string {
	return createHash('md5').update(url).digest('hex');
}
