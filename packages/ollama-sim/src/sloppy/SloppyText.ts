import type { SloppyKind } from './sloppyKinds.js';

/** A reply with one sloppy failure in it. */
export interface SloppyText {
	readonly kind: SloppyKind;
	/** The whole reply as the model "wrote" it, before stop sequences and `num_predict`. */
	readonly text: string;
	/** The injected substring that proves the failure: the added preface, note, tokens, label or ping, or the start of a replacement. */
	readonly fragment: string;
	/** Where {@link fragment} starts in {@link text}. */
	readonly fragmentAt: number;
}
