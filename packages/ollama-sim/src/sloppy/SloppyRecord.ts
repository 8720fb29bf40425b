import type { SloppyKind } from './sloppyKinds.js';

/** One sloppy failure that reached a client, as `sloppyRecords()` and `GET /_sim/sloppy` list it. */
export interface SloppyRecord {
	/** When the reply was sent (ISO 8601). */
	readonly at: string;
	/** The model, normalised as in `/api/tags` (e.g. `llama3.2:1b`). */
	readonly model: string;
	readonly kind: SloppyKind;
	/** The injected substring, present in {@link text}, that proves the failure. */
	readonly fragment: string;
	/** The whole reply sent, after stop sequences and `num_predict`. */
	readonly text: string;
}
