import { Gauge, type Registry } from 'prom-client';
import type { HostState } from '../hosts/HostState.js';
import type { LlmPool } from '../LlmPool.js';

/** The per-host gauges: each read from a host's live state on every scrape. */
const hostGauges: readonly { name: string; help: string; read: (host: HostState) => number }[] = [
	{
		name: 'charbot_llm_host_up',
		help: 'Whether a model host answers its health checks and is not cooling down (1) or not (0).',
		read: (host) => (host.alive && host.circuit !== 'open' ? 1 : 0),
	},
	{
		name: 'charbot_llm_host_circuit_open',
		help: 'Whether a model host is cooling down after repeated failures (1) or not (0).',
		read: (host) => (host.circuit === 'open' ? 1 : 0),
	},
	{ name: 'charbot_llm_host_in_flight', help: 'Requests this process has in flight on a model host.', read: (host) => host.inFlight },
	{
		name: 'charbot_llm_host_concurrency_limit',
		help: 'Requests this process may have in flight on a model host now: the fixed cap, or the adaptive limit as it stands.',
		read: (host) => host.maxParallel,
	},
];

/**
 * Registers host-health gauges read from the pool on each scrape: `charbot_llm_host_up` (alive and not
 * cooling down), `charbot_llm_host_circuit_open`, `charbot_llm_host_in_flight` and `charbot_llm_host_concurrency_limit`, by host.
 */
export function registerHostHealthMetrics(registry: Registry, pool: LlmPool): void {
	for (const gauge of hostGauges) {
		new Gauge({
			name: gauge.name,
			help: gauge.help,
			labelNames: ['host'] as const,
			registers: [registry],
			collect() {
				for (const host of pool.hostStates) this.set({ host: host.url }, gauge.read(host));
			},
		});
	}
}
