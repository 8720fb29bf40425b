import type { HostView } from '../hosts/HostState.js';

/** What a strategy knows about the request it places. */
export interface SelectionRequest {
	readonly model: string;
	/** Hosts that already failed this request; avoided while others remain. */
	readonly exclude: ReadonlySet<string>;
	/** Requests waiting in this pool for a slot, to weigh a cold load against queueing. */
	readonly backlog: number;
}

/** A strategy's answer. */
export type Selection =
	/** Send to this host; `queueAtHost` means wait for this host's slot even if it is busy. */
	| { readonly kind: 'host'; readonly host: HostView; readonly queueAtHost: boolean }
	/** Every usable host is busy: wait for any slot. */
	| { readonly kind: 'wait' }
	/** Every host is cooling down or dead: wait until the earliest may be probed. */
	| { readonly kind: 'cooling'; readonly retryAt: number }
	/** No host has the model. */
	| { readonly kind: 'unavailable' };

/** Picks the host for a request; swappable by config (`round-robin`, `least-loaded`). */
export interface BalancingStrategy {
	readonly name: string;
	select(hosts: readonly HostView[], request: SelectionRequest): Selection;
}
