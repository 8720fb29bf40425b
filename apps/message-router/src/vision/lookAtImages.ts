import type { ImageRef } from '@charbot/contracts';
import { formatBytes } from '@charbot/core';
import { fetchImages, type ImageLimits, type ImageRefusalCode } from '@charbot/images';

/** Why pictures went unseen, for the member's notice: no vision model, or one picture refused (`detail` says which and why). */
export type UnseenImages =
	{ readonly notice: 'images-unseen' } | { readonly notice: 'image-refused'; readonly code: ImageRefusalCode; readonly detail: string };

/** What the model gets of a turn's pictures. */
export interface ImageView {
	/** The pictures it sees (base64), in order. */
	readonly images: readonly string[];
	/** One line per picture for the prompt: which it sees, and which it only knows were posted, and why. */
	readonly notes: readonly string[];
	/** What the member may be told about pictures that went unseen. */
	readonly unseen: readonly UnseenImages[];
}

/** How {@link lookAtImages} may look. */
export interface LookOptions {
	/** A vision model is configured and a host can serve it; otherwise nothing is downloaded. */
	readonly canSee: boolean;
	/** A vision model is configured (its hosts may be down for now: then the member gets no notice). */
	readonly visionConfigured: boolean;
	/** Without limits nothing is downloaded. */
	readonly limits?: ImageLimits | undefined;
	readonly signal?: AbortSignal | undefined;
}

/**
 * Looks at the pictures of the message being answered (its own, then the replied-to message's): downloads those a vision
 * model can see, within the hard limits, and describes every picture in a note, so the character knows a picture was
 * posted (its name and size) even when it cannot see it. Never throws for a bad picture, only for the caller's abort.
 */
export async function lookAtImages(refs: readonly ImageRef[], options: LookOptions): Promise<ImageView> {
	if (refs.length === 0) return { images: [], notes: [], unseen: [] };
	const { limits } = options;
	if (!options.canSee || limits === undefined) {
		return {
			images: [],
			notes: refs.map((ref) => `(${describe(ref)} — you cannot see pictures; you only know it was posted)`),
			unseen: options.visionConfigured ? [] : [{ notice: 'images-unseen' }],
		};
	}
	const outcomes = await fetchImages(refs, limits, options.signal === undefined ? {} : { signal: options.signal });
	const images: string[] = [];
	const notes: string[] = [];
	const unseen: UnseenImages[] = [];
	outcomes.forEach((outcome, index) => {
		const ref = refs[index] as ImageRef;
		if (outcome.ok) {
			images.push(outcome.base64);
			notes.push(`(${describe(ref)} — you can see it)`);
			return;
		}
		notes.push(`(${describe(ref)} — not shown to you: ${outcome.reason})`);
		unseen.push({
			notice: 'image-refused',
			code: outcome.code,
			detail: `${ref.name} was not shown to the characters: ${outcome.reason}. They see PNG, JPEG, WebP and GIF pictures of up to ${formatBytes(limits.maxBytes)}, ${limits.maxImages} per message, posted on Discord.`,
		});
	});
	return { images, notes, unseen };
}

function describe(ref: ImageRef): string {
	const where = ref.inReply === true ? 'picture in the message replied to' : 'picture';
	return `${where}: ${ref.name}${ref.size === undefined ? '' : `, ${formatBytes(ref.size)}`}`;
}
