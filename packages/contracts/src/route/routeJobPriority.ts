import { type Clock, systemClock } from '@charbot/core';
import type { Queue } from 'bullmq';

/** The lowest priority BullMQ accepts (2^21 - 1); lower numbers are served first, and 0 would mean "no priority". */
export const MaxJobPriority = 2 ** 21 - 1;

/** Options of {@link routeJobPriority}. */
export interface RouteJobPriorityOptions {
	/** Seconds of recent route jobs that weigh on the next one's priority. */
	readonly windowSeconds?: number;
	/** The time source (tests pass a `ManualClock`). */
	readonly clock?: Clock;
}

/** Defaults of {@link RouteJobPriorityOptions}: the last minute counts. */
export const DefaultRouteJobPriorityOptions = { windowSeconds: 60, clock: systemClock } as const satisfies Required<RouteJobPriorityOptions>;

/** What a route job's priority depends on: where its message was written and by whom. */
export interface RouteLoadSource {
	readonly guildId: string | null;
	readonly author: { readonly id: string };
}

const scopePart = /^[A-Za-z0-9_-]{1,100}$/;

// Two fixed windows weighted by how far the current one has run (a sliding-window estimate in two keys); the first
// increment gives the key a life of two windows, so it can still be read as "the previous window" after its own.
const countLoadScript = `
local current = redis.call('INCR', KEYS[1])
if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local previous = redis.call('GET', KEYS[2])
return {current, previous or '0'}
`;

const countLoadCommand = 'charbotCountRouteLoad';
const scriptReady = new WeakSet<object>();

/**
 * Whose load a route job counts toward: its guild, or in direct messages the member alone (each DM conversation is its
 * own small server, so one busy DM does not slow the others).
 */
export function routeLoadScope(source: RouteLoadSource): string {
	const scope = source.guildId ?? `dm-${source.author.id}`;
	if (!scopePart.test(scope)) throw new Error(`route load scope ${JSON.stringify(scope.slice(0, 40))} must be 1-100 of A-Z a-z 0-9 _ -`);
	return scope;
}

/**
 * The BullMQ priority of the next route job of a guild (or DM member), and counts that job as the guild's load: 1 plus
 * the guild's route jobs added in about the last `windowSeconds` (every add counts: first answers, the characters after
 * them, regenerations), capped at {@link MaxJobPriority}. A quiet guild's job therefore goes ahead of a busy guild's
 * backlog, and a busy guild's jobs still run in their own order. Every route job must carry one: BullMQ serves jobs
 * without a priority before all prioritized ones. The counters live in the queue's own key space (`toKey`), so they
 * share its Redis Cluster hash tag.
 */
export async function routeJobPriority(queue: Queue, source: RouteLoadSource, options: RouteJobPriorityOptions = {}): Promise<number> {
	const windowMs = (options.windowSeconds ?? DefaultRouteJobPriorityOptions.windowSeconds) * 1000;
	if (!Number.isFinite(windowMs) || windowMs < 1000) throw new RangeError(`routeJobPriority option windowSeconds must be at least 1, got ${windowMs / 1000}`);
	const now = (options.clock ?? DefaultRouteJobPriorityOptions.clock).now();
	const scope = routeLoadScope(source);
	const window = Math.floor(now / windowMs);
	const client = await queue.getBackend().client;
	// Registered through BullMQ's client interface, as its own scripts are, once per connection.
	if (!scriptReady.has(client)) {
		client.defineCommand(countLoadCommand, { numberOfKeys: 2, lua: countLoadScript });
		scriptReady.add(client);
	}
	const keys = [queue.toKey(`fair:${scope}:${window}`), queue.toKey(`fair:${scope}:${window - 1}`)];
	const reply = (await client.runCommand(countLoadCommand, [...keys, 2 * windowMs])) as [number, string];
	const current = Number(reply[0]);
	const previous = Number(reply[1]);
	const elapsed = (now - window * windowMs) / windowMs;
	// The job just counted is not load ahead of itself.
	const recent = previous * (1 - elapsed) + current - 1;
	return Math.min(MaxJobPriority, 1 + Math.floor(recent));
}
