import { z } from 'zod';

/** How far the fetching of members' images may go: hosts, count, bytes, pixels, time, redirects, and the size the model sees. */
export interface ImageLimits {
	/** `host[:port]` an image may be downloaded from, its first URL and every redirect's (Discord's CDN hosts). */
	readonly allowedHosts: readonly string[];
	/** Images looked at per message; sources past it are refused 'too-many' without a download. */
	readonly maxImages: number;
	/** Bytes one image may have: refused before the download when the reported size says so, and during it when the body grows past it. */
	readonly maxBytes: number;
	/** Pixels one image (its first frame) may have, read from the header before anything is decoded. */
	readonly maxPixels: number;
	/** Milliseconds the whole download of one image may take, redirects included. */
	readonly timeoutMs: number;
	/** Redirects followed, each only to an allowed host. */
	readonly maxRedirects: number;
	/** Longest side of the image the model sees: larger images are scaled down, aspect kept. */
	readonly outputMaxSide: number;
}

/** The limits the issue settled on: 4 images of 8 MiB and 25 megapixels, 10 s each, 2 redirects, 1344 px for the model. */
export const DefaultImageLimits = {
	maxImages: 4,
	maxBytes: 8 * 1024 * 1024,
	maxPixels: 25_000_000,
	timeoutMs: 10_000,
	maxRedirects: 2,
	outputMaxSide: 1344,
} as const satisfies Omit<ImageLimits, 'allowedHosts'>;

/** Checks limits a caller built (from config) before any download, so a wrong one fails naming its field. */
export const imageLimitsSchema = z.object({
	allowedHosts: z.array(z.string().min(1)).readonly(),
	maxImages: z.number().int().nonnegative(),
	maxBytes: z.number().int().positive(),
	maxPixels: z.number().int().positive(),
	timeoutMs: z.number().int().positive(),
	maxRedirects: z.number().int().nonnegative(),
	outputMaxSide: z.number().int().positive(),
});

/** The limits, checked, or an error naming every wrong field. */
export function checkImageLimits(limits: ImageLimits): ImageLimits {
	const parsed = imageLimitsSchema.safeParse(limits);
	if (parsed.success) return parsed.data;
	throw new Error(`image limits: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
}
