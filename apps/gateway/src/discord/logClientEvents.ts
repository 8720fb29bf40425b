import type { Logger } from '@charbot/core';
import { type Client, Events } from 'discord.js';

/** Logs the client's errors, warnings and shard lifecycle, so no connection problem goes unseen or crashes the process. */
export function logClientEvents(client: Client, logger: Logger): void {
	client.on(Events.Error, (error) => logger.error({ err: error }, `discord client error: ${error.message}`));
	client.on(Events.Warn, (message) => logger.warn(`discord client warning: ${message}`));
	client.on(Events.ShardError, (error, shardId) => logger.error({ err: error, shardId }, `discord shard ${shardId} error: ${error.message}`));
	client.on(Events.ShardDisconnect, (event, shardId) =>
		logger.warn({ shardId, code: event.code }, `discord shard ${shardId} disconnected (close code ${event.code})`),
	);
	client.on(Events.ShardReconnecting, (shardId) => logger.info({ shardId }, `discord shard ${shardId} reconnecting`));
	client.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, `discord shard ${shardId} resumed, ${replayed} events replayed`));
	client.on(Events.ShardReady, (shardId) => logger.info({ shardId }, `discord shard ${shardId} ready`));
	client.on(Events.Invalidated, () => logger.error('discord session invalidated'));
	client.rest.on('rateLimited', (info) =>
		logger.warn(
			{ route: info.route, retryAfterMs: info.retryAfter, global: info.global },
			`discord rate limit on ${info.route}; waiting ${info.retryAfter} ms`,
		),
	);
}
