import type { DeliveryRecord, QualityControlHooks, ReviewRecord } from './QualityControlHooks.js';

/** A snapshot of {@link QualityControlCounters}. */
export interface QualityControlCounts {
	readonly reviews: Readonly<Record<string, number>>;
	readonly findings: Readonly<Record<string, number>>;
	readonly judge: Readonly<Record<string, number>>;
	readonly deliveries: Readonly<Record<string, number>>;
	readonly partsPosted: number;
	readonly partsSkipped: number;
}

/** In-process counters per review outcome, finding kind, judge status and delivery target. */
export class QualityControlCounters implements QualityControlHooks {
	private readonly reviews: Record<string, number> = {};
	private readonly findings: Record<string, number> = {};
	private readonly judge: Record<string, number> = {};
	private readonly deliveries: Record<string, number> = {};
	private partsPosted = 0;
	private partsSkipped = 0;

	public onReview(record: ReviewRecord): void {
		increment(this.reviews, record.outcome);
		increment(this.judge, record.judge);
		for (const kind of new Set(record.kinds)) increment(this.findings, kind);
	}

	public onDelivery(record: DeliveryRecord): void {
		increment(this.deliveries, record.target);
		this.partsPosted += record.posted;
		this.partsSkipped += record.skipped;
	}

	/** The counts so far. */
	public snapshot(): QualityControlCounts {
		return {
			reviews: { ...this.reviews },
			findings: { ...this.findings },
			judge: { ...this.judge },
			deliveries: { ...this.deliveries },
			partsPosted: this.partsPosted,
			partsSkipped: this.partsSkipped,
		};
	}
}

function increment(counts: Record<string, number>, key: string): void {
	counts[key] = (counts[key] ?? 0) + 1;
}
