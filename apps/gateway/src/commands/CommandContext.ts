import type { Persona } from '@charbot/characters';
import type {
	ChannelHistory,
	Cooldowns,
	GenerationBudget,
	GuildStats,
	MemberMemory,
	MemberPersonas,
	SettingsAudit,
	SettingsStore,
	VisionStatus,
} from '@charbot/stores';
import type { Logger } from '@charbot/core';
import type { Queue } from 'bullmq';
import type { CardImportOptions } from './characters/CardImportOptions.js';

/** What slash commands work with: the live character registry, the shared stores and the queues. */
export interface CommandContext {
	readonly logger: Logger;
	/** The characters loaded now; read from memory, so autocomplete never waits on Redis. `reload` reads the folder again at once. */
	readonly characters: { list(): Persona[]; get(id: string): Persona | undefined; reload?(): Promise<void> };
	readonly settings: SettingsStore;
	readonly audit: SettingsAudit;
	readonly memory: MemberMemory;
	/** The names and descriptions members gave themselves with `/persona set`. */
	readonly personas: MemberPersonas;
	readonly stats: GuildStats;
	readonly history: ChannelHistory;
	readonly cooldowns: Cooldowns;
	/** The members' and guilds' generation budgets; `/ask` reserves its generation here. */
	readonly budget: GenerationBudget;
	/** Whether the characters answer direct messages (`DMS_ENABLED`). */
	readonly dmsEnabled: boolean;
	/** Where `/ask` puts its job for the message router. */
	readonly routeQueue: Queue;
	/** Where a character's greeting goes to be posted by quality control's delivery, like any reply. */
	readonly deliverQueue: Queue;
	/** Which vision model the message routers use, for `/config show`. */
	readonly vision: Pick<VisionStatus, 'read'>;
	/** Where `/characters import` writes persona files, and what it accepts. */
	readonly cardImport: CardImportOptions;
}
