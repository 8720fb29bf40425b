import type { Config } from '../config/settingDefinitions.js';
import { createLogger, type Logger } from '../logging/createLogger.js';
import { installFailureHooks } from './installFailureHooks.js';
import { loadServiceConfig } from './loadServiceConfig.js';

/** What every process starts from. */
export interface PreparedProcess {
	readonly config: Config;
	readonly logger: Logger;
}

/** Loads the settings (or exits 1 naming the bad ones), creates the process's logger and installs the failure hooks. */
export function prepareProcess(name: string): PreparedProcess {
	const config = loadServiceConfig();
	const logger = createLogger({ name, level: config.LOG_LEVEL, format: config.LOG_FORMAT });
	installFailureHooks(logger);
	return { config, logger };
}
