import type { Logger } from '@charbot/core';
import type { ChannelHistory, SettingsStore } from '@charbot/stores';
import type { Queue } from 'bullmq';
import type { CharacterSource } from '@charbot/characters';
import type { LlmSource } from '../judge/LlmSource.js';
import type { QualityControlHooks } from '../metrics/QualityControlHooks.js';
import type { ScoringOptions } from '../scoring/ScoreInput.js';

/** What the review worker needs. */
export interface ReviewDependencies {
	readonly characters: CharacterSource;
	readonly settings: SettingsStore;
	readonly history: ChannelHistory;
	/** Where regenerations go (the message router's queue). */
	readonly routeQueue: Queue;
	readonly deliverQueue: Queue;
	readonly logger: Logger;
	/** `QC_MAX_ATTEMPTS`: a candidate after this many failed attempts was the escalation. */
	readonly maxAttempts: number;
	/** The LLM pool for the judge; without it a channel's `judge` setting is ignored with a warning. */
	readonly llm?: LlmSource;
	/** `QC_JUDGE_TIMEOUT_MS`: how long a review waits for the judge before the rules decide alone. */
	readonly judgeTimeoutMs: number;
	readonly hooks: QualityControlHooks;
	readonly scoring?: Partial<ScoringOptions>;
}
