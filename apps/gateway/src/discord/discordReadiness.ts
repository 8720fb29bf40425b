import type { CheckResult } from '@charbot/core';
import { type Client, Status } from 'discord.js';

/** Ready when logged in and every shard of this process is connected (not reconnecting or resuming). */
export function discordReadiness(client: Client): CheckResult {
	if (!client.isReady()) return { ok: false, detail: 'the Discord client is not logged in' };
	const notReady = [...client.ws.shards.values()].filter((shard) => shard.status !== Status.Ready);
	if (notReady.length === 0) return { ok: true };
	return { ok: false, detail: `Discord shards not connected: ${notReady.map((shard) => `${shard.id} (${Status[shard.status]})`).join(', ')}` };
}
