import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** The monorepo's root folder, found from this file's location so any working directory works. */
export function repoRoot(): string {
	if (cached !== undefined) return cached;
	let folder = dirname(fileURLToPath(import.meta.url));
	for (;;) {
		const manifest = join(folder, 'package.json');
		if (existsSync(manifest) && 'workspaces' in JSON.parse(readFileSync(manifest, 'utf8'))) {
			cached = folder;
			return folder;
		}
		const parent = dirname(folder);
		if (parent === folder) throw new Error(`No workspace root above ${fileURLToPath(import.meta.url)}`);
		folder = parent;
	}
}

/** Resolves a path from the repository root unless it is already absolute. */
export function resolveFromRoot(path: string): string {
	return resolve(repoRoot(), path);
}
