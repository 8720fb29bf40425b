import type { PlatformHarness } from '../../pipeline/platformHarness.js';

/** What the gateway logged for one member message: a route job enqueued, or handling failed (nothing enqueued). */
export type GatewayOutcome = 'enqueued' | 'failed';

/**
 * The outcome of each member message, by message id, from the gateway's JSON log (`LOG_LEVEL=info`): `enqueued …`
 * lines carry `outcome: 'enqueued'`, a message whose handling threw is logged as failed with its `messageId`.
 */
export function readGatewayOutcomes(platform: PlatformHarness): Map<string, GatewayOutcome> {
	const outcomes = new Map<string, GatewayOutcome>();
	const lines = (platform.apps.get('gateway')?.output ?? []).join('').split('\n');
	for (const line of lines) {
		if (!line.startsWith('{')) continue;
		let entry: { messageId?: unknown; outcome?: unknown; msg?: unknown };
		try {
			entry = JSON.parse(line) as typeof entry;
		} catch {
			continue;
		}
		if (typeof entry.messageId !== 'string') continue;
		if (entry.outcome === 'enqueued') outcomes.set(entry.messageId, 'enqueued');
		else if (typeof entry.msg === 'string' && entry.msg.includes('failed; no character was asked')) outcomes.set(entry.messageId, 'failed');
	}
	return outcomes;
}
