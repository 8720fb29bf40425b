/** Where `/characters import` writes persona files and which attachments it fetches. */
export interface CardImportOptions {
	/** The persona folder every app loads (`CHARACTERS_DIR`), watched by each of them. */
	readonly dir: string;
	/** Hosts an attachment URL may point at: Discord's CDN, and the emulator's host when Discord is emulated. */
	readonly allowedHosts: readonly string[];
	/** Largest card accepted, in bytes. */
	readonly maxBytes: number;
	/** How long fetching the attachment may take. */
	readonly timeoutMs: number;
	/** Redirects followed, each within `allowedHosts`: none, as Discord's CDN serves an attachment where it says it is. */
	readonly maxRedirects: number;
}

/** Defaults of {@link CardImportOptions} besides the folder and hosts: 8 MiB fits a card PNG with its art. */
export const DefaultCardImportLimits = {
	maxBytes: 8 * 1024 * 1024,
	timeoutMs: 15_000,
	maxRedirects: 0,
} as const satisfies Pick<CardImportOptions, 'maxBytes' | 'timeoutMs' | 'maxRedirects'>;
