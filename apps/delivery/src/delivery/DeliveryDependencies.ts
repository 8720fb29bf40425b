import type { Keyspace, Logger, RedisClient } from '@charbot/core';
import type { ChannelHistory, Cooldowns, MessageOwners, RegenerableReplies, SettingsStore } from '@charbot/stores';
import type { DeliveryLedger } from '../ledger/DeliveryLedger.js';
import type { REST } from '@discordjs/rest';
import type { Queue } from 'bullmq';
import type { CharacterSource } from '@charbot/characters';
import type { DeliveryHooks } from '../metrics/DeliveryHooks.js';
import type { ChannelWebhooks } from './ChannelWebhooks.js';

/** What the delivery worker needs. */
export interface DeliveryDependencies {
	readonly rest: REST;
	readonly webhooks: ChannelWebhooks;
	readonly ledger: DeliveryLedger;
	/** How long an attempt holds a part while posting it: longer than a job lock, so a second attempt started after a lost lock waits. */
	readonly claimMs: number;
	readonly owners: MessageOwners;
	readonly history: ChannelHistory;
	/** The channel settings: whether replies carry the regenerate button, and the banter rules. */
	readonly settings: SettingsStore;
	/** The channel cooldown a banter answer starts, as a member's message does. */
	readonly cooldowns: Cooldowns;
	/** The replies members may regenerate, written as each is posted or regenerated. */
	readonly replies: RegenerableReplies;
	/** A `producer`-role connection, for the mark that a reply is in the channel history. */
	readonly redis: RedisClient;
	readonly keys: Keyspace;
	readonly characters: CharacterSource;
	readonly logger: Logger;
	readonly hooks: DeliveryHooks;
	/** Where the next character addressed with this one, or one this reply names (banter), gets its turn once it is posted. */
	readonly routeQueue: Queue;
}
