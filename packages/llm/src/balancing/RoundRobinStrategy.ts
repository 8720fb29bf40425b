import type { HostView } from '../hosts/HostState.js';
import type { BalancingStrategy, Selection, SelectionRequest } from './BalancingStrategy.js';

/**
 * Plain round-robin, kept as the baseline to beat: every host gets its turn whatever its load or
 * health, and a request waits for its host's slot. Only hosts that already failed this request
 * are skipped (the retry goes to the next in turn).
 */
export class RoundRobinStrategy implements BalancingStrategy {
	public readonly name = 'round-robin';
	private next = 0;

	public select(hosts: readonly HostView[], request: SelectionRequest): Selection {
		const candidates = hosts.filter((host) => host.hasModel(request.model));
		if (candidates.length === 0) return { kind: 'unavailable' };
		const fresh = candidates.filter((host) => !request.exclude.has(host.url));
		const turn = fresh.length > 0 ? fresh : candidates;
		const host = turn[this.next % turn.length] as HostView;
		this.next = (this.next + 1) % Number.MAX_SAFE_INTEGER;
		return { kind: 'host', host, queueAtHost: true };
	}
}
