import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Persona files in `dir`, sorted: `*.yaml` and `*.yml`, skipping hidden files such as editor swap files. Symbolic
 * links count, as Kubernetes ConfigMap mounts are made of them.
 */
export async function listPersonaFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { withFileTypes: true });
	return entries
		.filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && isPersonaFileName(entry.name))
		.map((entry) => join(dir, entry.name))
		.sort();
}

/** Whether a file name is one the loader reads. */
export function isPersonaFileName(name: string): boolean {
	return !name.startsWith('.') && /\.ya?ml$/i.test(name);
}
