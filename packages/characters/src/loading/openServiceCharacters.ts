import { type Config, type Logger, resolveFromRoot } from '@charbot/core';
import { CharacterRegistry } from './CharacterRegistry.js';

/**
 * Opens the cast an app serves, from `CHARACTERS_DIR`, watched for changes: a broken persona file is logged (file and
 * field) and skipped, a reload is logged with what changed, and an empty cast is warned about, the same in every app.
 */
export async function openServiceCharacters(config: Config, logger: Logger): Promise<CharacterRegistry> {
	const dir = resolveFromRoot(config.CHARACTERS_DIR);
	const registry = await CharacterRegistry.open({
		dir,
		onProblem: (problem) => logger.warn({ file: problem.file, field: problem.field }, problem.message),
		onChange: (change) => logger.info(change, 'characters reloaded'),
	});
	if (registry.list().length === 0) logger.warn({ dir }, `no characters loaded from ${dir}; nothing will answer`);
	return registry;
}
