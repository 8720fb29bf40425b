import { type SloppyKind, sloppyKinds } from '../sloppy/sloppyKinds.js';

/** The faults a simulator can inject; see the package README for what each looks like on the wire. */
export const simFaults = ['none', 'refuse', 'hang', 'http500', 'http503', 'http429', 'midstream', 'abrupt-close'] as const;

/** One fault kind. */
export type SimFault = (typeof simFaults)[number];

/** How the simulated host misbehaves right now. */
export interface SimBehavior {
	/** The fault injected into requests it applies to (`none` for a healthy host). */
	fault: SimFault;
	/** Share of eligible requests that get the fault, 0..1, spread evenly and deterministically (0.25 = every 4th). */
	faultRate: number;
	/** Multiplies every delay: load, prompt evaluation, each token, pull. 1 is normal speed. */
	slowFactor: number;
	/** Models that have vanished: missing from `/api/tags`, 404 everywhere, until pulled again. */
	forgottenModels: string[];
	/** Which requests faults hit: `inference` (chat, generate, embed; default) or `all` `/api/*` routes. */
	faultScope?: 'inference' | 'all';
	/** Share of chat/generate replies without `format` that carry one small-model failure, 0..1 (0.25 = every 4th; default 0). */
	sloppy?: number;
	/** The failures sloppy replies take turns with, in this order (default: every kind). */
	sloppyKinds?: readonly SloppyKind[];
	/** The `Retry-After` seconds of an `http429` fault and of the `/v1` queue-full answer (default 1). */
	retryAfterSeconds?: number;
}

/** A healthy host. */
export const DefaultSimBehavior = {
	fault: 'none',
	faultRate: 1,
	slowFactor: 1,
	forgottenModels: [],
	faultScope: 'inference',
	sloppy: 0,
	sloppyKinds,
	retryAfterSeconds: 1,
} as const satisfies Required<SimBehavior>;
