import { type Config, ConfigError, type ConfigProblem, settingDefinitions } from '@charbot/core';
import { queueDashboardCredentials } from './queueDashboard/queueDashboardCredentials.js';

/**
 * Throws a {@link ConfigError} naming every setting the service cannot start with: no admin token when
 * `NODE_ENV=production`, or a queue dashboard user without its password (or the other way round).
 */
export function checkServiceSettings(config: Config, adminToken: string | undefined): void {
	const problems: ConfigProblem[] = [];
	if (config.NODE_ENV === 'production' && adminToken === undefined) {
		problems.push({
			variable: 'LLM_SERVICE_ADMIN_TOKEN',
			problem: 'is required when NODE_ENV=production: it guards /validate-model and /cache/clear',
			example: settingDefinitions.LLM_SERVICE_ADMIN_TOKEN.example,
		});
	}
	try {
		queueDashboardCredentials(config);
	} catch (error) {
		if (!(error instanceof ConfigError)) throw error;
		problems.push(...error.problems);
	}
	if (problems.length > 0) throw new ConfigError(problems);
}
