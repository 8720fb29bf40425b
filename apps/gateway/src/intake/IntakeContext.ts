import type { NamedCharacter } from '@charbot/characters';
import type { ChannelHistory, Cooldowns, GenerationBudget, MemberMemory, MessageOwners, SettingsStore } from '@charbot/stores';
import type { Keyspace, Logger, RedisClient } from '@charbot/core';
import type { Queue } from 'bullmq';
import type { MessageAdmission } from './MessageAdmission.js';
import type { BacklogNotice } from '../backlog/BacklogNotice.js';
import type { TriggerCharacter } from '../triggers/TriggerCharacter.js';
import type { OutageApology } from './OutageApology.js';
import type { PendingWork } from './PendingWork.js';
import type { RequestThrottle } from './RequestThrottle.js';

/** What message handling works with: the shared stores, the route queue and the tunable parts. */
export interface IntakeContext {
	readonly logger: Logger;
	readonly redis: RedisClient;
	readonly keyspace: Keyspace;
	readonly settings: SettingsStore;
	readonly history: ChannelHistory;
	readonly owners: MessageOwners;
	readonly cooldowns: Cooldowns;
	/** The members' and guilds' generation budgets, reserved before a message's jobs are added. */
	readonly budget: GenerationBudget;
	/** A member message's cooldowns, budget reservation and channel turn, in one script. */
	readonly admission: MessageAdmission;
	/** Whether the characters answer direct messages (`DMS_ENABLED`). */
	readonly dmsEnabled: boolean;
	/** Where "remember that I …" facts go. */
	readonly memory: MemberMemory;
	/** The characters loaded now (the registry reloads on file changes). */
	readonly characters: () => readonly (TriggerCharacter & NamedCharacter)[];
	readonly routeQueue: Queue;
	readonly backlog: BacklogNotice;
	/** Which messages show typing; shared by all channels. */
	readonly typing: RequestThrottle;
	/** Which messages a cooldown held back get the ⏳ reaction; shared by all channels. */
	readonly cooldownReactions: RequestThrottle;
	/** How members' messages that failed on a Redis outage are held and tried again. */
	readonly retry: { readonly maxMessages: number; readonly maxAgeMs: number; readonly firstDelayMs: number; readonly maxDelayMs: number };
	/** Tells members about messages given up after an outage. */
	readonly apology: OutageApology;
	/** Typing and notes run beside the handler; shutdown waits for them here. */
	readonly pending: PendingWork;
	readonly defaultCharacter: string;
	readonly random: () => number;
	readonly maxCharactersPerMessage: number;
	/** How long a member's DM character is remembered. */
	readonly dmCharacterTtlSeconds: number;
}
