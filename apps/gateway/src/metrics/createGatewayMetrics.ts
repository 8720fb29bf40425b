import { createRateLimitMetrics } from '@charbot/core';
import { type Client, Status } from 'discord.js';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { MessageOutcome } from '../intake/MessageOutcome.js';

/** What the gateway reports to its Prometheus series. */
export interface GatewayMetrics {
	/** Counts a message by what the gateway did with it. */
	onMessageOutcome(outcome: MessageOutcome): void;
	/** Counts one `route` job added, by its trigger (the job name). */
	onRouteJobAdded(trigger: string): void;
	/** Reports how many member messages are held for Redis on each scrape. */
	watchHeldMessages(count: () => number): void;
	/** Reports how much tracked work (messages, interactions, side work) is still running on each scrape. */
	watchPendingWork(count: () => number): void;
	/** Reports the client's shard connections on each scrape and counts its REST rate limits. */
	watchClient(client: Client): void;
}

/** Registers the gateway's `charbot_gateway_*` and `charbot_discord_*` series on a registry. */
export function createGatewayMetrics(registry: Registry): GatewayMetrics {
	const messages = new Counter({
		name: 'charbot_gateway_messages_total',
		help: 'Discord messages by what the gateway did with them (ignored, not-triggered, cooldown, enqueued, failed).',
		labelNames: ['outcome'] as const,
		registers: [registry],
	});
	const routeJobs = new Counter({
		name: 'charbot_gateway_route_jobs_enqueued_total',
		help: 'Route jobs added to the route queue, by trigger.',
		labelNames: ['trigger'] as const,
		registers: [registry],
	});
	const countRateLimits = createRateLimitMetrics(registry);
	const clients: Client[] = [];
	new Gauge({
		name: 'charbot_discord_gateway_connected',
		help: 'Whether each Discord gateway shard of this process is connected and ready (1) or not (0).',
		labelNames: ['shard'] as const,
		registers: [registry],
		collect() {
			this.reset();
			for (const client of clients) for (const shard of client.ws.shards.values()) this.set({ shard: String(shard.id) }, shard.status === Status.Ready ? 1 : 0);
		},
	});
	const heldCounts: (() => number)[] = [];
	new Gauge({
		name: 'charbot_gateway_held_messages',
		help: 'Member messages held because Redis was unreachable, waiting to be handled once it answers.',
		registers: [registry],
		collect() {
			this.set(heldCounts.reduce((sum, count) => sum + count(), 0));
		},
	});
	const pendingCounts: (() => number)[] = [];
	new Gauge({
		name: 'charbot_gateway_pending_work',
		help: 'Messages, interactions and their side work (typing, notes, apologies) the gateway is still running.',
		registers: [registry],
		collect() {
			this.set(pendingCounts.reduce((sum, count) => sum + count(), 0));
		},
	});
	for (const outcome of ['ignored', 'not-triggered', 'cooldown', 'refused', 'enqueued', 'failed'] as const) messages.inc({ outcome }, 0);
	return {
		onMessageOutcome: (outcome) => messages.inc({ outcome: outcome.kind }),
		onRouteJobAdded: (trigger) => routeJobs.inc({ trigger }),
		watchHeldMessages: (count) => {
			heldCounts.push(count);
		},
		watchPendingWork: (count) => {
			pendingCounts.push(count);
		},
		watchClient: (client) => {
			clients.push(client);
			countRateLimits(client.rest);
		},
	};
}
