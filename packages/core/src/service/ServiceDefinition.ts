import type { Registry } from 'prom-client';
import type { Config } from '../config/settingDefinitions.js';
import type { ReadinessCheck } from '../http/startHealthServer.js';
import type { Logger } from '../logging/createLogger.js';

/** What a service's `start` is given. */
export interface ServiceContext {
	readonly config: Config;
	readonly logger: Logger;
	/** The registry `/metrics` serves (with Node's default series when the scaffold serves health). */
	readonly registry: Registry;
}

/** A started service: its readiness checks, and the undo of everything its `start` built. */
export interface RunningService {
	readonly checks?: Readonly<Record<string, ReadinessCheck>>;
	/** Stops taking work, lets work in progress finish, then closes every connection it opened. */
	close(): Promise<unknown> | unknown;
}

/** A process that {@link runService} runs. */
export interface ServiceDefinition {
	/** The process's name, on every log line, e.g. `gateway`. */
	readonly name: string;
	/** Builds the service; on a failure it undoes what it built before throwing. */
	start(context: ServiceContext): Promise<RunningService>;
	/** False when the service answers `/healthz` and `/readyz` on `HEALTH_PORT` itself (the LLM service's API does). */
	readonly healthServer?: boolean;
}
