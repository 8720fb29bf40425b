import type { Clock } from '@charbot/core';

/** Options of {@link CircuitBreaker}. */
export interface CircuitBreakerOptions {
	/** Consecutive failures that open the circuit. */
	readonly failureThreshold: number;
	/** First cooldown; doubles on each failed probe up to `maxCooldownMs`. */
	readonly cooldownMs: number;
	readonly maxCooldownMs: number;
}

/** Default breaker: 3 failures open it for 5 s, growing to 60 s while probes keep failing. */
export const DefaultCircuitBreakerOptions = {
	failureThreshold: 3,
	cooldownMs: 5000,
	maxCooldownMs: 60_000,
} as const satisfies CircuitBreakerOptions;

/** `closed`: in use; `open`: cooling down; `half-open`: cooldown over, one probe request allowed. */
export type CircuitState = 'closed' | 'open' | 'half-open';

/** Keeps a failing host out of rotation for a while, then lets one probe decide. */
export class CircuitBreaker {
	private failures = 0;
	private openedAt = 0;
	private cooldown: number;
	private probing = false;
	private tripped = false;

	public constructor(
		private readonly clock: Clock,
		private readonly options: CircuitBreakerOptions = DefaultCircuitBreakerOptions,
	) {
		this.cooldown = options.cooldownMs;
	}

	/** The state now. */
	public get state(): CircuitState {
		if (!this.tripped) return 'closed';
		return this.clock.now() >= this.openedAt + this.cooldown ? 'half-open' : 'open';
	}

	/** When an open circuit will allow a probe (ms since epoch); now when not open. */
	public get retryAt(): number {
		return this.tripped ? this.openedAt + this.cooldown : this.clock.now();
	}

	/** Whether a request may go to this host now; in half-open, only one at a time (the probe). */
	public canPass(): boolean {
		const state = this.state;
		return state === 'closed' || (state === 'half-open' && !this.probing);
	}

	/** Marks the start of a request; in half-open it becomes the probe. */
	public onStart(): void {
		if (this.state === 'half-open') this.probing = true;
	}

	/** A request or health check succeeded: the circuit closes. */
	public onSuccess(): void {
		this.failures = 0;
		this.probing = false;
		this.tripped = false;
		this.cooldown = this.options.cooldownMs;
	}

	/** A request or health check failed. */
	public onFailure(): void {
		this.failures += 1;
		const wasProbe = this.probing;
		this.probing = false;
		if (this.tripped && wasProbe) {
			this.cooldown = Math.min(this.cooldown * 2, this.options.maxCooldownMs);
			this.openedAt = this.clock.now();
			return;
		}
		if (!this.tripped && this.failures >= this.options.failureThreshold) {
			this.tripped = true;
			this.openedAt = this.clock.now();
		}
	}

	/** A request that was the probe ended without a verdict (e.g. cancelled by its caller). */
	public onAbandon(): void {
		this.probing = false;
	}
}
