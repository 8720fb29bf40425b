/** Why a download was refused: too big, not on an allowed host, redirected off them, too slow, or an HTTP failure. */
export type DownloadRefusalCode = 'too-large' | 'not-on-discord' | 'redirected-away' | 'timeout' | 'http-error';

/** A refused download, with why in words a member understands ("it is larger than 8 MiB"). */
export interface DownloadRefusal {
	readonly ok: false;
	readonly code: DownloadRefusalCode;
	readonly reason: string;
}
