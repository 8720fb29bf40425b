import type { DownloadRefusalCode } from '@charbot/core';

/** Where an image is: a Discord CDN URL, its file name and the size Discord reports (if any). */
export interface ImageSource {
	readonly url: string;
	readonly name: string;
	readonly size?: number | undefined;
}

/** Why an image was not shown to the model: its download was refused, or the image itself. */
export type ImageRefusalCode = DownloadRefusalCode | 'too-many' | 'not-an-image' | 'too-many-pixels' | 'unreadable';

/** The formats an image may be in, told by its first bytes. */
export type ImageType = 'png' | 'jpeg' | 'webp' | 'gif';

/** An image the model can see. */
export interface SeenImage {
	readonly ok: true;
	readonly name: string;
	/** Normalised PNG (when it has alpha) or JPEG, no `data:` prefix. */
	readonly base64: string;
	/** Hex SHA-256 of the downloaded bytes. */
	readonly sha256: string;
	readonly type: ImageType;
	/** Original width, as the image is shown (EXIF orientation applied). */
	readonly width: number;
	/** Original height, as the image is shown (EXIF orientation applied). */
	readonly height: number;
	/** Downloaded size. */
	readonly bytes: number;
}

/** An image refused, with why in words a member understands ("it is larger than 8 MiB"). */
export interface RefusedImage {
	readonly ok: false;
	readonly name: string;
	readonly size?: number | undefined;
	readonly code: ImageRefusalCode;
	readonly reason: string;
}

/** What became of one image source. */
export type ImageOutcome = SeenImage | RefusedImage;

/** A refusal before it is tied to a source: what downloading and decoding return. */
export interface Refusal {
	readonly ok: false;
	readonly code: ImageRefusalCode;
	readonly reason: string;
}
