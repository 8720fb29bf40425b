import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';

const fromClause = /^\s*(?:import|export)\s+(type\s+)?[^'";]*?\s+from\s+['"]([^'"]+)['"]/gm;
const sideEffect = /^\s*import\s+['"]([^'"]+)['"]/gm;
const dynamicImport = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
const builtins = new Set(builtinModules);

/**
 * Follows the imports of entry files through relative paths and `@charbot/*` workspaces, and returns
 * every other package they load at run time, with the files that import it. Type-only imports are
 * left out: tsx erases them. A regex reader, good for this repository's plain import statements.
 */
export function collectImportedPackages(root: string, entryFiles: readonly string[]): Map<string, Set<string>> {
	const workspaces = readWorkspaceEntries(root);
	const packages = new Map<string, Set<string>>();
	const seen = new Set<string>();
	const queue = entryFiles.map((file) => resolve(root, file));
	while (queue.length > 0) {
		const file = queue.pop();
		if (file === undefined || seen.has(file)) continue;
		seen.add(file);
		for (const specifier of readSpecifiers(readFileSync(file, 'utf8'))) {
			if (specifier.startsWith('.')) {
				const target = resolveRelative(dirname(file), specifier);
				if (target === undefined) throw new Error(`${relative(root, file)} imports ${specifier}, which is not there`);
				if (/\.[cm]?[jt]s$/.test(target)) queue.push(target);
				continue;
			}
			const name = packageName(specifier);
			if (specifier.startsWith('node:') || builtins.has(name)) continue;
			if (workspaces.has(name)) {
				const workspaceEntry = workspaces.get(name);
				// An app has no entry to follow: it exports nothing, and nothing imports it.
				if (workspaceEntry === undefined) throw new Error(`${relative(root, file)} imports ${name}, which exports nothing`);
				queue.push(workspaceEntry);
				continue;
			}
			const importers = packages.get(name) ?? new Set<string>();
			importers.add(relative(root, file));
			packages.set(name, importers);
		}
	}
	return packages;
}

function readSpecifiers(source: string): string[] {
	const specifiers: string[] = [];
	for (const match of source.matchAll(fromClause)) if (match[1] === undefined && match[2] !== undefined) specifiers.push(match[2]);
	for (const match of source.matchAll(sideEffect)) if (match[1] !== undefined) specifiers.push(match[1]);
	for (const match of source.matchAll(dynamicImport)) if (match[1] !== undefined) specifiers.push(match[1]);
	return specifiers;
}

function resolveRelative(folder: string, specifier: string): string | undefined {
	const base = resolve(folder, specifier);
	const candidates = [base.replace(/\.js$/, '.ts'), base, `${base}.ts`, join(base, 'index.ts')];
	return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

function packageName(specifier: string): string {
	const parts = specifier.split('/');
	return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** `@charbot/*` workspace name → its source entry file (`exports["."]`, or its `default`); undefined for an app, which exports nothing. */
function readWorkspaceEntries(root: string): Map<string, string | undefined> {
	const entries = new Map<string, string | undefined>();
	for (const group of ['apps', 'packages']) {
		for (const folder of readdirSync(join(root, group))) {
			const manifestPath = join(root, group, folder, 'package.json');
			if (!existsSync(manifestPath)) continue;
			const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { name: string; exports?: Record<string, string | Record<string, string>> };
			// The sources: a string, or the `default` of a conditional export (`charbot-dist` is the compiled twin).
			const exported = manifest.exports?.['.'];
			const entry = typeof exported === 'string' ? exported : exported?.['default'];
			entries.set(manifest.name, entry === undefined ? undefined : join(root, group, folder, entry));
		}
	}
	return entries;
}
