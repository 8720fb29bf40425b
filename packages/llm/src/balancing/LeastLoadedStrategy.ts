import type { HostView } from '../hosts/HostState.js';
import type { BalancingStrategy, Selection, SelectionRequest } from './BalancingStrategy.js';

/** Options of {@link LeastLoadedStrategy}. */
export interface LeastLoadedOptions {
	/** Random source in [0, 1); tests pass a seeded one. */
	readonly random?: () => number;
}

/**
 * The default: health-, load- and latency-aware power-of-two choices. Among healthy hosts with a free
 * slot it samples two at random and takes the one with the lower expected cost
 * (load share, other processes' load included where the server reports it, × time per token ÷ weight), so ties spread evenly instead of piling on the first host.
 * Hosts with the model loaded are preferred; a cold host is used only while there is no warm one, or
 * the backlog is longer than the warm hosts can take in one round.
 */
export class LeastLoadedStrategy implements BalancingStrategy {
	public readonly name = 'least-loaded';
	private readonly random: () => number;

	public constructor(options: LeastLoadedOptions = {}) {
		this.random = options.random ?? Math.random;
	}

	public select(hosts: readonly HostView[], request: SelectionRequest): Selection {
		const withModel = hosts.filter((host) => host.hasModel(request.model));
		if (withModel.length === 0) return { kind: 'unavailable' };
		const passing = withModel.filter((host) => host.canPass());
		if (passing.length === 0) return { kind: 'cooling', retryAt: earliestRetry(withModel) };
		const fresh = passing.filter((host) => !request.exclude.has(host.url));
		const usable = fresh.length > 0 ? fresh : passing;
		const free = usable.filter((host) => host.hasCapacity());
		if (free.length === 0) return { kind: 'wait' };

		const warm = usable.filter((host) => host.isWarm(request.model));
		const warmFree = free.filter((host) => host.isWarm(request.model));
		const warmSlots = warm.reduce((sum, host) => sum + host.maxParallel, 0);
		const coldWorthIt = warm.length === 0 || request.backlog >= warmSlots;
		const pool = warmFree.length > 0 ? warmFree : coldWorthIt ? free : [];
		if (pool.length === 0) return { kind: 'wait' };
		return { kind: 'host', host: this.pickOfTwo(pool), queueAtHost: false };
	}

	private pickOfTwo(pool: readonly HostView[]): HostView {
		if (pool.length === 1) return pool[0] as HostView;
		const first = Math.floor(this.random() * pool.length);
		let second = Math.floor(this.random() * (pool.length - 1));
		if (second >= first) second += 1;
		const a = pool[first] as HostView;
		const b = pool[second] as HostView;
		const typical = { msPerToken: typicalMsPerToken(pool), capacity: typicalCapacity(pool) };
		const costA = cost(a, typical);
		const costB = cost(b, typical);
		if (costA === costB) return this.random() < 0.5 ? a : b;
		return costA < costB ? a : b;
	}
}

function cost(host: HostView, typical: { readonly msPerToken: number; readonly capacity: number }): number {
	// A host not measured yet counts as typical, so it gets traffic and a measurement.
	const speed = host.msPerToken ?? typical.msPerToken;
	// Likewise its capacity: an adaptive limit still probing is not one, and weighing load by it would pile the
	// waiting requests on whichever host's probe happened to run ahead.
	// Requests other processes keep on the host (its own count, where it publishes one) weigh as ours do.
	return ((host.inFlight + host.othersLoad + 1) / (host.capacity ?? typical.capacity)) * (speed / host.weight);
}

function typicalCapacity(hosts: readonly HostView[]): number {
	const known = hosts.map((host) => host.capacity).filter((value): value is number => value !== undefined);
	return known.length === 0 ? 1 : known.reduce((sum, value) => sum + value, 0) / known.length;
}

function typicalMsPerToken(hosts: readonly HostView[]): number {
	const known = hosts.map((host) => host.msPerToken).filter((value): value is number => value !== undefined);
	return known.length === 0 ? 1 : known.reduce((sum, value) => sum + value, 0) / known.length;
}

function earliestRetry(hosts: readonly HostView[]): number {
	return Math.min(...hosts.map((host) => host.retryAt));
}
