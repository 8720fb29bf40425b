import type { Logger } from '@charbot/core';
import type { LlmPool } from '@charbot/llm';
import type { Registry } from 'prom-client';
import type { RequestAborts } from './http/RequestAborts.js';

/** What the service's routes share. */
export interface ServiceContext {
	readonly pool: LlmPool;
	readonly logger: Logger;
	readonly registry: Registry;
	readonly aborts: RequestAborts;
	/** `Date.now()` when the service started, for uptime. */
	readonly startedAt: number;
	/** Bearer token of the admin endpoints; they answer 403 when undefined. */
	readonly adminToken: string | undefined;
	/** The models of the pool's roles: the only ones a client may name. */
	readonly models: ReadonlySet<string>;
	/** True once the service began to close: readiness turns 503. */
	isStopping(): boolean;
}
