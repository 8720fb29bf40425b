import { loadConfig, resolveFromRoot } from '@charbot/core';

/** The configured persona folder (`CHARACTERS_DIR`, from the repository root). */
export function defaultCharactersDir(): string {
	return resolveFromRoot(loadConfig().CHARACTERS_DIR);
}
