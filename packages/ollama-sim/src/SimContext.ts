import type { Socket } from 'node:net';
import type { FaultPlanner } from './behavior/FaultPlanner.js';
import type { SimBehavior } from './behavior/SimBehavior.js';
import type { ModelRegistry } from './models/ModelRegistry.js';
import type { ResolvedSimOptions } from './options/resolveOptions.js';
import type { Scheduler } from './scheduling/Scheduler.js';
import type { ScriptBook } from './scripts/ScriptBook.js';
import type { SloppyPlanner } from './sloppy/SloppyPlanner.js';
import type { StatsRecorder } from './stats/StatsRecorder.js';
import type { TokenPacer } from './streaming/TokenPacer.js';

/** The state of one simulator that every route handler shares. */
export interface SimContext {
	readonly options: ResolvedSimOptions;
	readonly models: ModelRegistry;
	readonly scheduler: Scheduler;
	readonly pacer: TokenPacer;
	readonly stats: StatsRecorder;
	readonly scripts: ScriptBook;
	readonly faults: FaultPlanner;
	readonly sloppy: SloppyPlanner;
	/** The behaviour in force; replaced (never mutated) by `setBehavior`. */
	readonly behavior: Required<SimBehavior>;
	/**
	 * Validates and applies a behaviour change; `refuse` closes or reopens the listener. A `spare` socket
	 * (the one carrying the control answer) is left to close by itself.
	 */
	setBehavior(change: Partial<SimBehavior>, spare?: Socket): Promise<void>;
}
