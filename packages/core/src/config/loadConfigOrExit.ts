import { ConfigError } from './ConfigError.js';
import { loadConfig } from './loadConfig.js';
import type { Config } from './settingDefinitions.js';

/** For process entry points: the settings, or every problem printed (no stack, no secret) and exit code 1. */
export function loadConfigOrExit(): Config {
	try {
		return loadConfig();
	} catch (error) {
		if (!(error instanceof ConfigError)) throw error;
		console.error(error.message);
		process.exit(1);
	}
}
