import type { DownloadRefusal } from './DownloadRefusal.js';

/** The URL (relative to `base` for a redirect) when it is http(s) to an allowed host with no credentials; otherwise the refusal `code` says where it failed. */
export function checkDownloadUrl(
	url: string,
	allowedHosts: readonly string[],
	code: 'not-on-discord' | 'redirected-away',
	base?: URL,
): { readonly ok: true; readonly url: URL } | DownloadRefusal {
	const reason = code === 'not-on-discord' ? "it is not on Discord's CDN" : 'its link leads away from Discord';
	let parsed: URL;
	try {
		parsed = new URL(url, base);
	} catch {
		return { ok: false, code, reason };
	}
	const allowed = allowedHosts.some((host) => host.toLowerCase() === parsed.host.toLowerCase());
	if ((parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || !allowed || parsed.username !== '' || parsed.password !== '')
		return { ok: false, code, reason };
	return { ok: true, url: parsed };
}
