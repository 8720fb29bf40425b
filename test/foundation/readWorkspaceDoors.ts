import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** One workspace under apps/ or packages/, with what its door exports and what the rest of the repository imports from it. */
export interface WorkspaceDoor {
	readonly name: string;
	readonly folder: string;
	readonly isApp: boolean;
	readonly manifestExports: unknown;
	/** The names `src/index.ts` exports, or undefined when there is no index; `*` for an `export * from`. */
	readonly exported: readonly string[] | undefined;
	/** Name → files outside the workspace that import it; `*` when a file imports the whole module (namespace or dynamic import). */
	readonly importedFromOutside: ReadonlyMap<string, readonly string[]>;
}

const scannedFolders = ['apps', 'packages', 'test', 'bench', 'scripts'];
const sourceFile = /\.[cm]?[jt]s$/;
const skippedFolders = new Set(['node_modules', 'dist', 'test-artifacts', 'coverage']);

/**
 * Reads every workspace's door statically: the names its `src/index.ts` exports, and the names every file outside it
 * imports or re-exports from `@charbot/<name>` (TypeScript's parser, no type checking, so it takes well under a second).
 */
export function readWorkspaceDoors(root: string): WorkspaceDoor[] {
	const workspaces = ['apps', 'packages'].flatMap((group) =>
		readdirSync(join(root, group))
			.filter((name) => existsSync(join(root, group, name, 'package.json')))
			.map((name) => {
				const folder = `${group}/${name}`;
				const manifest = JSON.parse(readFileSync(join(root, folder, 'package.json'), 'utf8')) as { name: string; exports?: unknown };
				return { name: manifest.name, folder, isApp: group === 'apps', manifestExports: manifest.exports };
			}),
	);
	const imported = new Map(workspaces.map((workspace) => [workspace.name, new Map<string, string[]>()]));
	const files = [...scannedFolders.flatMap((folder) => listSourceFiles(root, folder)), ...readdirSync(root).filter((file) => sourceFile.test(file))];
	for (const file of files) {
		const text = readFileSync(join(root, file), 'utf8');
		if (!text.includes('@charbot/')) continue;
		const owner = workspaces.find((workspace) => file.startsWith(`${workspace.folder}/`));
		for (const { specifier, names } of readCharbotImports(file, text)) {
			const target = specifier.split('/').slice(0, 2).join('/');
			const importers = imported.get(target);
			if (importers === undefined || owner?.name === target) continue;
			for (const name of names) importers.set(name, [...(importers.get(name) ?? []), file]);
		}
	}
	return workspaces.map((workspace) => {
		const index = join(root, workspace.folder, 'src', 'index.ts');
		return {
			...workspace,
			exported: existsSync(index) ? readExportedNames(index) : undefined,
			importedFromOutside: imported.get(workspace.name) ?? new Map(),
		};
	});
}

function listSourceFiles(root: string, folder: string): string[] {
	if (!existsSync(join(root, folder))) return [];
	return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
		const path = `${folder}/${entry.name}`;
		if (entry.isDirectory()) return skippedFolders.has(entry.name) ? [] : listSourceFiles(root, path);
		return sourceFile.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
	});
}

/** The `@charbot/*` modules a file imports, each with the names it takes (`*` for a namespace or dynamic import). */
function readCharbotImports(file: string, text: string): { specifier: string; names: string[] }[] {
	const found: { specifier: string; names: string[] }[] = [];
	const visit = (node: ts.Node): void => {
		if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier !== undefined && ts.isStringLiteral(node.moduleSpecifier)) {
			found.push({ specifier: node.moduleSpecifier.text, names: namesOf(node) });
		} else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
			const [argument] = node.arguments;
			if (argument !== undefined && ts.isStringLiteral(argument)) found.push({ specifier: argument.text, names: ['*'] });
		} else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
			const qualifier = node.qualifier === undefined ? '*' : node.qualifier.getText().split('.')[0];
			found.push({ specifier: node.argument.literal.text, names: [qualifier ?? '*'] });
		}
		ts.forEachChild(node, visit);
	};
	visit(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true));
	return found.filter((entry) => entry.specifier.startsWith('@charbot/'));
}

function namesOf(node: ts.ImportDeclaration | ts.ExportDeclaration): string[] {
	if (ts.isExportDeclaration(node)) {
		const clause = node.exportClause;
		return clause === undefined || ts.isNamespaceExport(clause) ? ['*'] : clause.elements.map((element) => (element.propertyName ?? element.name).text);
	}
	const clause = node.importClause;
	if (clause === undefined) return [];
	const names = clause.name === undefined ? [] : ['default'];
	const bindings = clause.namedBindings;
	if (bindings === undefined) return names;
	if (ts.isNamespaceImport(bindings)) return [...names, '*'];
	return [...names, ...bindings.elements.map((element) => (element.propertyName ?? element.name).text)];
}

function readExportedNames(index: string): string[] {
	const source = ts.createSourceFile(index, readFileSync(index, 'utf8'), ts.ScriptTarget.Latest, true);
	return source.statements.flatMap((statement) => {
		if (!ts.isExportDeclaration(statement)) return [];
		const clause = statement.exportClause;
		if (clause === undefined || ts.isNamespaceExport(clause)) return ['*'];
		return clause.elements.map((element) => element.name.text);
	});
}
