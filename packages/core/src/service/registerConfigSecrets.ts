import { type Config, type SettingDefinition, type SettingName, settingDefinitions } from '../config/settingDefinitions.js';
import { registerSecret } from '../logging/scrubSecrets.js';

/**
 * Registers the value of every secret setting, so it is scrubbed wherever it appears. Connection URLs (`*_URL`) are left to
 * the URL pattern, which hides their password and keeps the host an operator needs to read.
 */
export function registerConfigSecrets(config: Config): void {
	for (const [name, definition] of Object.entries(settingDefinitions) as [SettingName, SettingDefinition][]) {
		const value = config[name];
		if (definition.secret === true && typeof value === 'string' && !name.endsWith('_URL')) registerSecret(value);
	}
}
