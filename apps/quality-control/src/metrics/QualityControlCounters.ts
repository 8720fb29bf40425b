import type { QualityControlHooks, ReviewRecord } from './QualityControlHooks.js';

/** A snapshot of {@link QualityControlCounters}. */
export interface QualityControlCounts {
	readonly reviews: Readonly<Record<string, number>>;
	readonly findings: Readonly<Record<string, number>>;
	readonly judge: Readonly<Record<string, number>>;
}

/** In-process counters per review outcome, finding kind, and judge status. */
export class QualityControlCounters implements QualityControlHooks {
	private readonly reviews: Record<string, number> = {};
	private readonly findings: Record<string, number> = {};
	private readonly judge: Record<string, number> = {};

	public onReview(record: ReviewRecord): void {
		increment(this.reviews, record.outcome);
		increment(this.judge, record.judge);
		for (const kind of new Set(record.kinds)) increment(this.findings, kind);
	}

	/** The counts so far. */
	public snapshot(): QualityControlCounts {
		return {
			reviews: { ...this.reviews },
			findings: { ...this.findings },
			judge: { ...this.judge },
		};
	}
}

function increment(counts: Record<string, number>, key: string): void {
	counts[key] = (counts[key] ?? 0) + 1;
}
