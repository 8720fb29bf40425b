import { createHash } from 'node:crypto';
import { downloadLimited } from '@charbot/core';
import { normaliseImage } from './decode/normaliseImage.js';
import { sniffImageType } from './decode/sniffImageType.js';
import { checkImageLimits, type ImageLimits } from './limits/ImageLimits.js';
import type { ImageOutcome, ImageRefusalCode, ImageSource } from './outcomes/ImageOutcome.js';

/** One outcome per source, in order; downloads run in parallel; never throws for a bad image (only for a caller's abort). */
export async function fetchImages(
	sources: readonly ImageSource[],
	limits: ImageLimits,
	options: { readonly signal?: AbortSignal } = {},
): Promise<ImageOutcome[]> {
	const checked = checkImageLimits(limits);
	options.signal?.throwIfAborted();
	return Promise.all(
		sources.map(async (source, index) =>
			index < checked.maxImages
				? fetchImage(source, checked, options.signal)
				: refused(source, 'too-many', `only the first ${checked.maxImages} images of a message are looked at`),
		),
	);
}

async function fetchImage(source: ImageSource, limits: ImageLimits, signal: AbortSignal | undefined): Promise<ImageOutcome> {
	const downloaded = await downloadLimited(source.url, { ...limits, reportedSize: source.size }, signal);
	if (!downloaded.ok) return refused(source, downloaded.code, downloaded.reason);
	const type = sniffImageType(downloaded.bytes);
	if (type === undefined) return refused(source, 'not-an-image', 'it is not a PNG, JPEG, WebP or GIF image');
	signal?.throwIfAborted();
	const image = await normaliseImage(downloaded.bytes, type, limits);
	if (!image.ok) return refused(source, image.code, image.reason);
	return {
		ok: true,
		name: source.name,
		base64: image.data.toString('base64'),
		sha256: createHash('sha256').update(downloaded.bytes).digest('hex'),
		type,
		width: image.width,
		height: image.height,
		bytes: downloaded.bytes.byteLength,
	};
}

function refused(source: ImageSource, code: ImageRefusalCode, reason: string): ImageOutcome {
	return { ok: false, name: source.name, size: source.size, code, reason };
}
