// Each workspace has one door: a package's src/index.ts exports exactly the names some file outside the package
// imports (apps, other packages, test/, bench/, scripts/), and an app exports nothing (its entry is src/main.ts).
// Read statically, so a name nobody outside uses any more fails here until it leaves the index.
import { resolveFromRoot } from '@charbot/core';
import { describe, expect, it } from 'vitest';
import { readWorkspaceDoors } from './readWorkspaceDoors.js';

const doors = readWorkspaceDoors(resolveFromRoot('.'));
const apps = doors.filter((door) => door.isApp);
const packages = doors.filter((door) => !door.isApp);

describe('workspace doors', () => {
	it('finds the workspaces', () => {
		expect(apps.map((app) => app.folder)).toContain('apps/gateway');
		expect(packages.map((pkg) => pkg.folder)).toContain('packages/core');
	});

	it('apps export nothing: no src/index.ts, no exports field, and nothing outside an app imports it', () => {
		for (const app of apps) {
			expect(app.exported, `${app.folder}/src/index.ts: an app has no door; its entry is src/main.ts`).toBeUndefined();
			expect(app.manifestExports, `${app.folder}/package.json: an app has no exports field`).toBeUndefined();
			const importers = [...new Set([...app.importedFromOutside.values()].flat())];
			expect(importers, `${app.name} is imported by name; tests and benches import the app's file relatively, apps share through a package`).toEqual([]);
		}
	});

	it('packages export by name, never `export *`', () => {
		for (const pkg of packages) {
			expect(pkg.exported, `${pkg.folder}/src/index.ts is missing`).toBeDefined();
			expect(pkg.exported ?? [], `${pkg.folder}/src/index.ts: export names, not \`export *\``).not.toContain('*');
		}
	});

	it('packages export exactly what other workspaces import', () => {
		for (const pkg of packages) {
			const exported = new Set(pkg.exported ?? []);
			const imported = pkg.importedFromOutside;
			// A namespace or dynamic import may use any name: it keeps every export.
			if (imported.has('*')) continue;
			const unused = [...exported].filter((name) => !imported.has(name)).sort();
			expect(unused, `${pkg.name} exports names nothing outside ${pkg.folder} imports; drop them from its src/index.ts`).toEqual([]);
			const missing = [...imported.keys()].filter((name) => !exported.has(name)).sort();
			expect(missing, `${pkg.name} is imported for names its src/index.ts does not export`).toEqual([]);
		}
	});
});
