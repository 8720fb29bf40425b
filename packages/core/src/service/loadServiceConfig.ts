import { loadConfigOrExit } from '../config/loadConfigOrExit.js';
import type { Config } from '../config/settingDefinitions.js';
import { registerConfigSecrets } from './registerConfigSecrets.js';

/** For process entry points: the settings with their secrets registered for scrubbing, or every problem printed and exit 1. */
export function loadServiceConfig(): Config {
	const config = loadConfigOrExit();
	registerConfigSecrets(config);
	return config;
}
