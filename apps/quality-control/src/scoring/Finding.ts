import type { ScoreInput } from './ScoreInput.js';

/** What kind of problem a scorer found; metrics count replies by kind. */
export type FindingKind =
	| 'empty'
	| 'too-short'
	| 'too-long'
	| 'refusal'
	| 'disclaimer'
	| 'broken-character'
	| 'speaker-label'
	| 'own-label'
	| 'assistant-frame'
	| 'ooc-note'
	| 'assistant-format'
	| 'template-tokens'
	| 'prompt-echo'
	| 'loop'
	| 'narration'
	| 'encyclopedic'
	| 'other-voice'
	| 'repetition'
	| 'blocklist'
	| 'never-says'
	| 'mass-mention'
	| 'link'
	| 'judge';

/** One problem with a candidate reply. */
export interface Finding {
	readonly kind: FindingKind;
	/** A short sentence the regeneration prompt can quote. */
	readonly reason: string;
	/** The share of the score it takes away (0..1); findings multiply: score = Π(1 − penalty). */
	readonly penalty: number;
	/** Fails the reply whatever its score. */
	readonly hard: boolean;
}

/** A pure check of one aspect of a reply. */
export type Scorer = (input: ScoreInput) => readonly Finding[];
