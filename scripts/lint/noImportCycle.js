// import-x/no-cycle skips `import type`, yet a type in the wrong file is how our cycles start, so this rule follows every import.
import { statSync } from 'node:fs';
import { relative } from 'node:path';
import ts from 'typescript';

const fallbackOptions = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext };

/** Resolved in-repo imports of each file, kept while the file's mtime stays the same. */
const importsOf = new Map();

function importsIn(text, fileName, options) {
	const imports = [];
	for (const { fileName: specifier } of ts.preProcessFile(text, true, true).importedFiles) {
		const target = ts.resolveModuleName(specifier, fileName, options, ts.sys).resolvedModule;
		if (target && !target.isExternalLibraryImport && /(?<!\.d)\.[cm]?tsx?$/.test(target.resolvedFileName)) {
			imports.push({ specifier, target: target.resolvedFileName });
		}
	}
	return imports;
}

function resolvedImports(fileName, options) {
	const mtimeMs = statSync(fileName, { throwIfNoEntry: false })?.mtimeMs;
	if (mtimeMs === undefined) return [];
	const cached = importsOf.get(fileName);
	if (cached?.mtimeMs === mtimeMs) return cached.imports;
	const imports = importsIn(ts.sys.readFile(fileName) ?? '', fileName, options);
	importsOf.set(fileName, { mtimeMs, imports });
	return imports;
}

/** ESLint rule: no file may reach itself through its imports, type-only imports included. */
export const noImportCycle = {
	meta: {
		type: 'problem',
		docs: { description: 'Forbid import cycles, `import type` included' },
		messages: { cycle: 'Import cycle: {{route}}. Move what both sides need into a file of its own.' },
		schema: [],
	},
	create(context) {
		const start = context.physicalFilename;
		if (!/\.[cm]?tsx?$/.test(start)) return {};
		const options = context.sourceCode.parserServices?.program?.getCompilerOptions() ?? fallbackOptions;
		// The text being linted, not the file on disk: they differ under lintText and in an editor.
		const startImports = importsIn(context.sourceCode.text, start, options);
		const seen = new Set([start]);
		const check = (node) => {
			if (typeof node.source?.value !== 'string') return;
			const first = startImports.find((entry) => entry.specifier === node.source.value);
			if (!first || seen.has(first.target)) return;
			// Breadth first from this import, so the route reported is the shortest way back.
			seen.add(first.target);
			const queue = [[first.target]];
			while (queue.length > 0) {
				const route = queue.shift();
				for (const { target } of resolvedImports(route.at(-1), options)) {
					if (target === start) {
						const names = [start, ...route, start].map((file) => relative(context.cwd, file));
						context.report({ node, messageId: 'cycle', data: { route: names.join(' → ') } });
						return;
					}
					if (!seen.has(target)) {
						seen.add(target);
						queue.push([...route, target]);
					}
				}
			}
		};
		return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
	},
};
