import type { Keyspace, Logger } from '@charbot/core';
import type { ChannelHistory, DeliveryLedger, MessageOwners } from '@charbot/conversation';
import type { REST } from '@discordjs/rest';
import type { Redis } from 'ioredis';
import type { CharacterSource } from '../characters/CharacterSource.js';
import type { QualityControlHooks } from '../metrics/QualityControlHooks.js';
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
	/** A `producer`-role connection, for the mark that a reply is in the channel history. */
	readonly redis: Redis;
	readonly keys: Keyspace;
	readonly characters: CharacterSource;
	readonly logger: Logger;
	readonly hooks: QualityControlHooks;
}
