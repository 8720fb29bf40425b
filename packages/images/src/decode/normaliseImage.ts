import sharp from 'sharp';
import type { ImageType, Refusal } from '../outcomes/ImageOutcome.js';
import { oneAtATime } from './oneAtATime.js';

// One libvips thread per image and no operation cache: a decode may not take both cores, nor keep images in memory after it.
sharp.concurrency(1);
sharp.cache(false);

/** What the model sees of an image: PNG (alpha kept) or JPEG, scaled down to `maxSide`, with its original dimensions. */
export interface NormalisedImage {
	readonly ok: true;
	readonly data: Buffer;
	readonly width: number;
	readonly height: number;
}

/** The limits decoding works within. */
export interface NormaliseLimits {
	readonly maxPixels: number;
	readonly outputMaxSide: number;
	readonly timeoutMs: number;
}

const unreadable: Refusal = { ok: false, code: 'unreadable', reason: 'it is damaged or cut off' };

/** Reads the header, refuses what has too many pixels before decoding, then decodes the first frame only and re-encodes it. */
export async function normaliseImage(bytes: Uint8Array, type: ImageType, limits: NormaliseLimits): Promise<NormalisedImage | Refusal> {
	// The header alone: libvips reads dimensions without decoding pixels, so a decompression bomb is refused here.
	const header = await sharp(bytes, { pages: 1, limitInputPixels: false, failOn: 'error' })
		.metadata()
		.catch(() => undefined);
	if (header?.format !== type || !(header.width > 0 && header.height > 0)) return unreadable;
	if (header.width * header.height > limits.maxPixels) {
		const megapixels = Math.round(limits.maxPixels / 100_000) / 10;
		return { ok: false, code: 'too-many-pixels', reason: `it is ${header.width}×${header.height} pixels, more than ${megapixels} megapixels` };
	}
	const shown = header.autoOrient;
	return oneAtATime(async () => {
		try {
			// limitInputPixels again: a second guard should the header and the decoder ever disagree.
			const image = sharp(bytes, { pages: 1, animated: false, limitInputPixels: limits.maxPixels, failOn: 'error', autoOrient: true })
				.resize({ width: limits.outputMaxSide, height: limits.outputMaxSide, fit: 'inside', withoutEnlargement: true })
				.timeout({ seconds: Math.max(1, Math.ceil(limits.timeoutMs / 1000)) });
			const data = await (header.hasAlpha ? image.png() : image.jpeg({ quality: 85 })).toBuffer();
			return { ok: true, data, width: shown.width, height: shown.height };
		} catch {
			return unreadable;
		}
	});
}
