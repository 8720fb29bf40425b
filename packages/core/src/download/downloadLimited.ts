import type { DownloadRefusal } from './DownloadRefusal.js';
import { formatBytes } from '../text/formatBytes.js';
import { checkDownloadUrl } from './checkDownloadUrl.js';
import { readLimitedBody } from './readLimitedBody.js';

/** The limits of one download: where from, how big, how long, how many redirects, and the size the sender reported. */
export interface DownloadLimits {
	readonly allowedHosts: readonly string[];
	readonly maxBytes: number;
	readonly timeoutMs: number;
	readonly maxRedirects: number;
	readonly reportedSize?: number | undefined;
}

/** The downloaded bytes, or why not. */
export type DownloadOutcome = { readonly ok: true; readonly bytes: Uint8Array } | DownloadRefusal;

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

/** A download with the host, size, redirect and time limits of images, for other files too; throws only for the caller's abort. */
export async function downloadLimited(url: string, limits: DownloadLimits, signal?: AbortSignal): Promise<DownloadOutcome> {
	signal?.throwIfAborted();
	if (limits.reportedSize !== undefined && limits.reportedSize > limits.maxBytes) return tooLarge(limits.maxBytes);
	const first = checkDownloadUrl(url, limits.allowedHosts, 'not-on-discord');
	if (!first.ok) return first;
	const timeout = new AbortController();
	const timer = setTimeout(() => timeout.abort(), limits.timeoutMs);
	try {
		return await follow(first.url, limits, signal === undefined ? timeout.signal : AbortSignal.any([signal, timeout.signal]));
	} catch {
		signal?.throwIfAborted();
		if (timeout.signal.aborted) return { ok: false, code: 'timeout', reason: `it took longer than ${formatSeconds(limits.timeoutMs)} to download` };
		// Only fetch and the body's reads can throw here: a refused connection, a reset, a malformed answer.
		return { ok: false, code: 'http-error', reason: 'its download failed' };
	} finally {
		clearTimeout(timer);
	}
}

async function follow(start: URL, limits: DownloadLimits, signal: AbortSignal): Promise<DownloadOutcome> {
	let url = start;
	for (let redirects = 0; ; redirects += 1) {
		// `manual`: every hop's host is checked here, so a redirect can never reach a host fetch would have followed on its own.
		const response = await fetch(url, { redirect: 'manual', signal, headers: { accept: 'image/*', 'accept-encoding': 'identity' } });
		if (redirectStatuses.has(response.status)) {
			await response.body?.cancel();
			const location = response.headers.get('location');
			if (location === null) return { ok: false, code: 'http-error', reason: `its server answered ${response.status} without saying where to` };
			if (redirects >= limits.maxRedirects) {
				const reason = limits.maxRedirects === 0 ? 'its link redirects elsewhere' : `its link redirects more than ${limits.maxRedirects} times`;
				return { ok: false, code: 'http-error', reason };
			}
			const next = checkDownloadUrl(location, limits.allowedHosts, 'redirected-away', url);
			if (!next.ok) return next;
			url = next.url;
			continue;
		}
		if (!response.ok || response.body === null) {
			await response.body?.cancel();
			return { ok: false, code: 'http-error', reason: `its server answered ${response.status}` };
		}
		const declared = Number(response.headers.get('content-length') ?? Number.NaN);
		if (declared > limits.maxBytes) {
			await response.body.cancel();
			return tooLarge(limits.maxBytes);
		}
		return readLimitedBody(response.body, limits.maxBytes);
	}
}

function tooLarge(maxBytes: number): DownloadRefusal {
	return { ok: false, code: 'too-large', reason: `it is larger than ${formatBytes(maxBytes)}` };
}

function formatSeconds(ms: number): string {
	const seconds = Math.round(ms / 100) / 10;
	return `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
}
