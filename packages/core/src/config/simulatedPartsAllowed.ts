import type { Config } from './settingDefinitions.js';

/**
 * Whether a process may use the Ollama simulator or the Discord emulator: only with `ALLOW_SIMULATED_PARTS`, and
 * never when `NODE_ENV=production`, whatever `ALLOW_SIMULATED_PARTS` says.
 */
export function simulatedPartsAllowed(config: Pick<Config, 'ALLOW_SIMULATED_PARTS' | 'NODE_ENV'>): boolean {
	return config.ALLOW_SIMULATED_PARTS && config.NODE_ENV !== 'production';
}
