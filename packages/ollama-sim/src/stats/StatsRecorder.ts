import type { SloppyRecord } from '../sloppy/SloppyRecord.js';
import { BoundedLog } from './BoundedLog.js';
import type { SimRequestRecord } from './SimRequestRecord.js';
import type { SimStats } from './SimStats.js';

/** How many sloppy records are kept; older ones are dropped. */
const sloppyRecordLimit = 10_000;
/** How many request records are kept; older ones are dropped. */
const requestRecordLimit = 10_000;

/** Counts what the simulator does; {@link StatsRecorder.snapshot} is a copy safe to hand out. */
export class StatsRecorder {
	private stats: SimStats = StatsRecorder.empty(0, 0, 0);
	private readonly sloppyLog = new BoundedLog<SloppyRecord>(sloppyRecordLimit);
	private readonly requestLog = new BoundedLog<SimRequestRecord>(requestRecordLimit);

	private static empty(inFlight: number, queued: number, active: number): SimStats {
		return {
			startedAt: new Date().toISOString(),
			requests: { total: 0, byEndpoint: {}, byModel: {}, byStatus: {} },
			inFlight,
			maxInFlight: inFlight,
			queued,
			maxQueued: queued,
			active,
			maxActive: active,
			faults: {},
			rejected: 0,
			loads: 0,
			unloads: 0,
			tokensGenerated: 0,
			promptTokens: 0,
			sloppy: { eligible: 0, injected: 0, cut: 0, byKind: {} },
		};
	}

	/** Zeroes the counters and drops the sloppy and request records; gauges keep their current values, and maxima restart from them. */
	public reset(): void {
		this.stats = StatsRecorder.empty(this.stats.inFlight, this.stats.queued, this.stats.active);
		this.sloppyLog.clear();
		this.requestLog.clear();
	}

	/** A deep copy of the current figures. */
	public snapshot(): SimStats {
		return structuredClone(this.stats);
	}

	public request(endpoint: string): void {
		this.stats.requests.total += 1;
		bump(this.stats.requests.byEndpoint, endpoint);
	}

	public model(name: string): void {
		bump(this.stats.requests.byModel, name);
	}

	public status(code: number): void {
		bump(this.stats.requests.byStatus, String(code));
	}

	public fault(kind: string): void {
		bump(this.stats.faults, kind);
	}

	public inFlight(delta: 1 | -1): void {
		this.stats.inFlight += delta;
		this.stats.maxInFlight = Math.max(this.stats.maxInFlight, this.stats.inFlight);
	}

	public queued(delta: 1 | -1): void {
		this.stats.queued += delta;
		this.stats.maxQueued = Math.max(this.stats.maxQueued, this.stats.queued);
	}

	public active(delta: 1 | -1): void {
		this.stats.active += delta;
		this.stats.maxActive = Math.max(this.stats.maxActive, this.stats.active);
	}

	public rejected(): void {
		this.stats.rejected += 1;
	}

	public loaded(): void {
		this.stats.loads += 1;
	}

	public unloaded(): void {
		this.stats.unloads += 1;
	}

	public tokens(generated: number, prompt: number): void {
		this.stats.tokensGenerated += generated;
		this.stats.promptTokens += prompt;
	}

	/** Counts a reply that could have been made sloppy. */
	public sloppyEligible(): void {
		this.stats.sloppy.eligible += 1;
	}

	/** Counts and keeps a sloppy failure that reached the client. */
	public sloppyInjected(record: SloppyRecord): void {
		this.stats.sloppy.injected += 1;
		bump(this.stats.sloppy.byKind, record.kind);
		this.sloppyLog.add(record);
	}

	/** Counts a sloppy failure that was cut away before it reached the client. */
	public sloppyCut(): void {
		this.stats.sloppy.cut += 1;
	}

	/** Keeps what a chat or generate request that asked for a reply carried. */
	public inference(record: SimRequestRecord): void {
		this.requestLog.add(record);
	}

	/** Copies of the last 10,000 request records, oldest first. */
	public requestRecords(): SimRequestRecord[] {
		return this.requestLog.toArray().map((record) => ({ ...record, images: record.images.map((image) => ({ ...image })) }));
	}

	/** Copies of the last 10,000 sloppy records, oldest first. */
	public sloppyRecords(): SloppyRecord[] {
		return this.sloppyLog.toArray().map((record) => ({ ...record }));
	}
}

function bump(record: Record<string, number>, key: string): void {
	record[key] = (record[key] ?? 0) + 1;
}
