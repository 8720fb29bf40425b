import { Gauge, type Registry } from 'prom-client';
import type { LlmPool } from '../LlmPool.js';

/**
 * Registers host-health gauges read from the pool on each scrape: `charbot_llm_host_up` (alive and not
 * cooling down), `charbot_llm_host_circuit_open`, `charbot_llm_host_in_flight` and `charbot_llm_host_concurrency_limit`, by host.
 */
export function registerHostHealthMetrics(registry: Registry, pool: LlmPool): void {
	new Gauge({
		name: 'charbot_llm_host_up',
		help: 'Whether a model host answers its health checks and is not cooling down (1) or not (0).',
		labelNames: ['host'] as const,
		registers: [registry],
		collect() {
			for (const host of pool.hostStates) this.set({ host: host.url }, host.alive && host.circuit !== 'open' ? 1 : 0);
		},
	});
	new Gauge({
		name: 'charbot_llm_host_circuit_open',
		help: 'Whether a model host is cooling down after repeated failures (1) or not (0).',
		labelNames: ['host'] as const,
		registers: [registry],
		collect() {
			for (const host of pool.hostStates) this.set({ host: host.url }, host.circuit === 'open' ? 1 : 0);
		},
	});
	new Gauge({
		name: 'charbot_llm_host_in_flight',
		help: 'Requests this process has in flight on a model host.',
		labelNames: ['host'] as const,
		registers: [registry],
		collect() {
			for (const host of pool.hostStates) this.set({ host: host.url }, host.inFlight);
		},
	});
	new Gauge({
		name: 'charbot_llm_host_concurrency_limit',
		help: 'Requests this process may have in flight on a model host now: the fixed cap, or the adaptive limit as it stands.',
		labelNames: ['host'] as const,
		registers: [registry],
		collect() {
			for (const host of pool.hostStates) this.set({ host: host.url }, host.maxParallel);
		},
	});
}
