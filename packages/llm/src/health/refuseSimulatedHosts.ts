import { type Config, ConfigError, type ConfigProblem, settingDefinitions } from '@charbot/core';
import type { LlmSettings } from '../settings/llmSettings.js';
import { parseHostAddress } from '../settings/parseHostAddress.js';
import { findSimulatedHosts } from './findSimulatedHosts.js';

/**
 * With `NODE_ENV=production`, asks every model host who it is and throws a {@link ConfigError} naming the setting
 * that lists any host that is the Ollama simulator, whatever `ALLOW_SIMULATED_PARTS` says. Elsewhere it asks nothing:
 * the pool's health checks refuse the simulator unless it is allowed.
 */
export async function refuseSimulatedHosts(config: Config, settings: Pick<LlmSettings, 'hosts'>): Promise<void> {
	if (config.NODE_ENV !== 'production') return;
	const simulated = await findSimulatedHosts(settings.hosts);
	if (simulated.length === 0) return;
	const fromEnvironment = config.OLLAMA_HOSTS === undefined ? 'OLLAMA_BASE_URL' : 'OLLAMA_HOSTS';
	const environmentUrls = (config.OLLAMA_HOSTS ?? config.OLLAMA_BASE_URL).split(',').map((url) => {
		const address = parseHostAddress(url);
		return typeof address === 'string' ? url.trim() : address.url;
	});
	const problems: ConfigProblem[] = simulated.map((url) => {
		const variable = environmentUrls.includes(url) ? fromEnvironment : 'OLLAMA_ROLES_FILE';
		return {
			variable,
			problem: `${url} is the Ollama simulator (its own answer says so); NODE_ENV=production never uses simulated parts, whatever ALLOW_SIMULATED_PARTS says`,
			example: settingDefinitions[variable].example,
		};
	});
	throw new ConfigError(problems);
}
