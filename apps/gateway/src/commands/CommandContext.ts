import type { Persona } from '@charbot/characters';
import type { ChannelHistory, Cooldowns, GuildStats, MemberMemory, SettingsAudit, SettingsStore } from '@charbot/conversation';
import type { Logger } from '@charbot/core';
import type { Queue } from 'bullmq';

/** What slash commands work with: the live character registry, the shared stores and the route queue. */
export interface CommandContext {
	readonly logger: Logger;
	/** The characters loaded now; read from memory, so autocomplete never waits on Redis. */
	readonly characters: { list(): Persona[]; get(id: string): Persona | undefined };
	readonly settings: SettingsStore;
	readonly audit: SettingsAudit;
	readonly memory: MemberMemory;
	readonly stats: GuildStats;
	readonly history: ChannelHistory;
	readonly cooldowns: Cooldowns;
	/** Where `/ask` puts its job for the message router. */
	readonly routeQueue: Queue;
}
