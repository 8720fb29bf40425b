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

/** Hooks delivery calls after each delivery; a metrics backend implements them. */
export interface DeliveryHooks {
	onDelivery?(record: DeliveryRecord): void;
}
