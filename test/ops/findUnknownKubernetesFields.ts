import { resolveFromRoot } from '@charbot/core';
import ts from 'typescript';
import type { KubernetesObject } from './renderKustomizeOverlay.js';

// The type declarations of each API group the manifests use: the same packages as the JSON schemas.
const declarationsByApiVersion: Readonly<Record<string, string>> = {
	v1: 'kubernetes-models/v1',
	'apps/v1': 'kubernetes-models/apps/v1',
	'policy/v1': 'kubernetes-models/policy/v1',
	'keda.sh/v1alpha1': '@kubernetes-models/keda/keda.sh/v1alpha1',
};

/**
 * The fields no schema of their kind knows (a misspelt `readinesProbe` or `maxReplicas`), which the JSON schemas of
 * kubernetes-models let through (they allow additional properties): each object is written as a TypeScript object
 * literal of its kind's declared type (`IDeployment`, `IScaledObject`...), whose excess property check names every
 * unknown field; type mismatches are reported too. One message per problem, naming the object.
 */
export function findUnknownKubernetesFields(objects: readonly KubernetesObject[]): string[] {
	const imports = new Map<string, Set<string>>();
	const lines: string[] = [];
	const names: string[] = [];
	for (const [index, object] of objects.entries()) {
		const from = declarationsByApiVersion[object.apiVersion];
		if (from === undefined) throw new Error(`${object.kind}/${object.metadata.name}: no declarations for apiVersion ${object.apiVersion}`);
		imports.set(from, (imports.get(from) ?? new Set()).add(`I${object.kind}`));
		names.push(`${object.kind}/${object.metadata.name}`);
		lines.push(`export const object${index}: I${object.kind} = ${JSON.stringify(object, null, 1)};`);
	}
	const header = [...imports].map(([from, types]) => `import type { ${[...types].join(', ')} } from '${from}';`);
	const fileName = resolveFromRoot('test/ops/__kubernetes-objects__.ts');
	const text = [...header, ...lines].join('\n');
	const options: ts.CompilerOptions = {
		target: ts.ScriptTarget.ES2022,
		module: ts.ModuleKind.NodeNext,
		moduleResolution: ts.ModuleResolutionKind.NodeNext,
		strict: true,
		skipLibCheck: true,
		noEmit: true,
		types: [],
	};
	const host = ts.createCompilerHost(options);
	const getSourceFile = host.getSourceFile.bind(host);
	host.getSourceFile = (name, languageVersion, ...rest) =>
		name === fileName ? ts.createSourceFile(name, text, languageVersion) : getSourceFile(name, languageVersion, ...rest);
	const fileExists = host.fileExists.bind(host);
	host.fileExists = (name) => name === fileName || fileExists(name);
	const program = ts.createProgram({ rootNames: [fileName], options, host });
	const source = program.getSourceFile(fileName) as ts.SourceFile;
	return ts.getPreEmitDiagnostics(program, source).map((diagnostic) => {
		const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
		if (diagnostic.file === undefined || diagnostic.start === undefined) return message;
		// The object the problem is in: the last `export const objectN` at or before the problem's position.
		const before = text.slice(0, diagnostic.start);
		const index = Number(/^export const object(\d+):/.exec(before.slice(before.lastIndexOf('export const object')))?.[1] ?? -1);
		const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
		const field = text.split('\n')[line]?.trim() ?? '';
		return `${names[index] ?? 'the rendered objects'}: ${message} (at ${field})`;
	});
}
