import type { DeliveryHooks, DeliveryRecord } from './DeliveryHooks.js';

/** A snapshot of {@link DeliveryCounters}. */
export interface DeliveryCounts {
	readonly deliveries: Readonly<Record<string, number>>;
	readonly partsPosted: number;
	readonly partsSkipped: number;
}

/** In-process counters per delivery target, and of parts posted and skipped. */
export class DeliveryCounters implements DeliveryHooks {
	private readonly deliveries: Record<string, number> = {};
	private partsPosted = 0;
	private partsSkipped = 0;

	public onDelivery(record: DeliveryRecord): void {
		this.deliveries[record.target] = (this.deliveries[record.target] ?? 0) + 1;
		this.partsPosted += record.posted;
		this.partsSkipped += record.skipped;
	}

	/** The counts so far. */
	public snapshot(): DeliveryCounts {
		return { deliveries: { ...this.deliveries }, partsPosted: this.partsPosted, partsSkipped: this.partsSkipped };
	}
}
