import { createRandom } from '../text/createRandom.js';
import { hashText } from '../text/hashText.js';
import type { SloppyKind } from './sloppyKinds.js';
import { sloppyInjectors } from './sloppyInjectors.js';
import type { SloppyPromptFacts } from './SloppyPromptFacts.js';
import type { SloppyText } from './SloppyText.js';

/** Options of {@link makeSloppy}. */
export interface MakeSloppyOptions {
	readonly kind: SloppyKind;
	/** Picks the template and its details; the same seed, kind, reply and facts give the same text. */
	readonly seed: number;
	/** Names and persona lines read from the request by {@link readPromptFacts}. */
	readonly facts: SloppyPromptFacts;
}

/** Puts exactly one failure of `kind` into `reply`, as a small chat model would have written it. */
export function makeSloppy(reply: string, options: MakeSloppyOptions): SloppyText {
	// Mixed with the kind so that one request's seed picks independent templates for each kind.
	const random = createRandom(hashText(options.kind) ^ options.seed);
	return { kind: options.kind, ...sloppyInjectors[options.kind](reply, options.facts, random) };
}
