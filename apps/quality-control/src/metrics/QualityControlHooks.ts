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

/** One delivery, for metrics. */
export interface DeliveryRecord {
	/** The guild of the message (null in DMs). */
	readonly guildId: string | null;
	readonly characterId: string;
	readonly target: 'webhook' | 'bot' | 'interaction';
	readonly parts: number;
	/** Parts posted now; the others were posted by an earlier attempt. */
	readonly posted: number;
	readonly skipped: number;
	/** Milliseconds from the member's message (or command) to the end of this delivery. */
	readonly latencyMs: number;
}

/** Hooks quality control calls after each review and delivery; a metrics backend implements them. */
export interface QualityControlHooks {
	onReview?(record: ReviewRecord): void;
	onDelivery?(record: DeliveryRecord): void;
}
