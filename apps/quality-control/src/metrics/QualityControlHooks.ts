import type { FindingKind } from '../scoring/Finding.js';

/** What became of a reviewed candidate. */
export type ReviewOutcomeKind = 'delivered' | 'repaired' | 'regenerated' | 'rejected';

/** Whether the judge took part in a review: not asked, answered, failed (error, malformed), timed out, or no pool. */
export type JudgeStatus = 'off' | 'used' | 'failed' | 'timeout' | 'unavailable';

/** One review, for metrics. */
export interface ReviewRecord {
	/** The guild of the message (null in DMs). */
	readonly guildId: string | null;
	readonly characterId: string;
	readonly outcome: ReviewOutcomeKind;
	readonly score: number;
	/** The kind of every finding, repeated kinds included. */
	readonly kinds: readonly FindingKind[];
	readonly judge: JudgeStatus;
	/** The candidate's model role (`chat`, `escalation`...). */
	readonly role: string;
}

/** Hooks quality control calls after each review; a metrics backend implements them. */
export interface QualityControlHooks {
	onReview?(record: ReviewRecord): void;
}
