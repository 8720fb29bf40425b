// `npm run build:refs`: writes every built workspace's tsconfig.build.json references from its @charbot dependencies,
// and the root tsconfig.build.json from the workspaces that have one, so adding a workspace to the build is one file.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';

const root = join(import.meta.dirname, '..');
const manifestSchema = z.object({ name: z.string(), dependencies: z.record(z.string(), z.string()).optional() });
const folders = ['packages', 'apps'].flatMap((parent) =>
	readdirSync(join(root, parent))
		.sort()
		.map((name) => join(parent, name))
		.filter((folder) => existsSync(join(root, folder, 'tsconfig.build.json'))),
);
const folderOf = new Map(folders.map((folder) => [readManifest(folder).name, folder]));

for (const folder of folders) {
	const dependencies = Object.keys(readManifest(folder).dependencies ?? {}).filter((name) => name.startsWith('@charbot/'));
	const missing = dependencies.filter((name) => !folderOf.has(name));
	if (missing.length > 0) throw new Error(`${folder} depends on ${missing.join(', ')}, which has no tsconfig.build.json`);
	const references = dependencies.map((name) => ({ path: `${relative(folder, String(folderOf.get(name)))}/tsconfig.build.json` }));
	writeJson(join(folder, 'tsconfig.build.json'), { extends: '../../tsconfig.workspace.json', references });
}
writeJson('tsconfig.build.json', { files: [], references: folders.map((folder) => ({ path: `${folder}/tsconfig.build.json` })) });
console.warn(`build references written for ${folders.length} workspaces`);

function readManifest(folder: string): z.infer<typeof manifestSchema> {
	const path = join(folder, 'package.json');
	const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(join(root, path), 'utf8')));
	if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
	return parsed.data;
}

function writeJson(path: string, value: unknown): void {
	writeFileSync(join(root, path), `${JSON.stringify(value, null, '\t')}\n`);
}
