import type { Queue, Worker } from 'bullmq';
import { Counter, Gauge, type Registry } from 'prom-client';
import { isFinalFailure } from '../failures/isFinalFailure.js';

/** The job states whose counts {@link createQueueMetrics} reports on each scrape. */
export const QueueDepthStates = ['waiting', 'prioritized', 'active', 'delayed', 'failed'] as const;

/** Feeds the job counters from a worker's events. */
export interface QueueMetrics {
	/** Counts the worker's jobs by outcome: `completed`, `retried` (failed, to be tried again) or `failed` (for good). */
	watchWorker(worker: Worker): void;
}

/** Options of {@link createQueueMetrics}. */
export interface QueueMetricsOptions {
	/** Milliseconds a scrape waits for the job counts before reporting none (Redis down must not hang `/metrics`). */
	readonly countTimeoutMs?: number;
}

/**
 * Registers `charbot_queue_jobs` (jobs by queue and state, read with `getJobCounts` on each scrape) and
 * `charbot_queue_jobs_processed_total` (jobs by queue and outcome) on a registry.
 */
export function createQueueMetrics(registry: Registry, queues: readonly Queue[], options: QueueMetricsOptions = {}): QueueMetrics {
	const countTimeoutMs = options.countTimeoutMs ?? 1000;
	new Gauge({
		name: 'charbot_queue_jobs',
		help: 'Jobs in a queue by state, read from Redis on each scrape.',
		labelNames: ['queue', 'state'] as const,
		registers: [registry],
		async collect() {
			this.reset();
			await Promise.all(
				queues.map(async (queue) => {
					try {
						const counts = await withTimeout(queue.getJobCounts(...QueueDepthStates), countTimeoutMs);
						for (const state of QueueDepthStates) this.set({ queue: queue.name, state }, counts[state] ?? 0);
					} catch {
						// Stale depths would look healthy; report none and count the miss instead.
						scrapeErrors.inc({ queue: queue.name });
					}
				}),
			);
		},
	});
	const scrapeErrors = new Counter({
		name: 'charbot_queue_depth_scrape_errors_total',
		help: 'Scrapes that could not read the job counts of a queue.',
		labelNames: ['queue'] as const,
		registers: [registry],
	});
	const processed = new Counter({
		name: 'charbot_queue_jobs_processed_total',
		help: 'Jobs a worker of this process finished, by queue and outcome (completed, retried, failed).',
		labelNames: ['queue', 'outcome'] as const,
		registers: [registry],
	});
	return {
		watchWorker: (worker) => {
			for (const outcome of ['completed', 'retried', 'failed'] as const) processed.inc({ queue: worker.name, outcome }, 0);
			worker.on('completed', () => processed.inc({ queue: worker.name, outcome: 'completed' }));
			worker.on('failed', (job, error) => {
				processed.inc({ queue: worker.name, outcome: isFinalFailure(job, error, 'counted') ? 'failed' : 'retried' });
			});
		},
	};
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
	});
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
