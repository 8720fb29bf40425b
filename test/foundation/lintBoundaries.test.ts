import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveFromRoot } from '@charbot/core';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolveFromRoot('.');
// Created before the first lint, so the project service finds both files in the root tsconfig's `test` include.
const cycleDir = join(root, 'test', 'foundation', `lintCycleProbe-${randomUUID().slice(0, 8)}`);
let eslint: ESLint;

/** Lints `code` as if it were a file at `filePath` (not on disk), with the repo's own config, and lists the rules it breaks. */
async function brokenRules(filePath: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
	return (result?.messages ?? []).map((message) => message.ruleId ?? `fatal: ${message.message}`);
}

describe('eslint guards the package boundaries and promises', () => {
	beforeAll(async () => {
		mkdirSync(cycleDir);
		writeFileSync(join(cycleDir, 'first.ts'), "import { second } from './second.js';\n\nexport const first = (): number => second() + 1;\n");
		writeFileSync(join(cycleDir, 'second.ts'), "import type { first } from './first.js';\n\nexport const second = (): ReturnType<typeof first> => 1;\n");
		// The probes below are not on disk; the default project lets them parse with the root tsconfig's options.
		eslint = new ESLint({
			cwd: root,
			overrideConfig: {
				languageOptions: {
					parserOptions: {
						projectService: { allowDefaultProject: ['apps/*/src/lintProbe.ts', 'packages/*/src/lintProbe.ts'], defaultProject: 'tsconfig.json' },
					},
				},
			},
		});
		// Loads the root tsconfig's program once (the longest step: ~10 s alone, more on a busy machine).
		await brokenRules('packages/core/src/lintProbe.ts', 'export const warm = 1;\n');
	}, 180_000);

	afterAll(() => rmSync(cycleDir, { recursive: true, force: true }));

	it('accepts an import of a package by its name', async () => {
		expect(await brokenRules('apps/gateway/src/lintProbe.ts', "import { Keyspace } from '@charbot/core';\n\nexport const keyspace = Keyspace;\n")).toEqual([]);
	});

	it('refuses an app importing another app, and a package importing an app', async () => {
		const appToApp = "import { startQualityControl } from '@charbot/quality-control';\n\nexport const start = startQualityControl;\n";
		expect(await brokenRules('apps/gateway/src/lintProbe.ts', appToApp)).toEqual(['no-restricted-imports']);
		const packageToApp = "import { startGateway } from '@charbot/gateway';\n\nexport const start = startGateway;\n";
		expect(await brokenRules('packages/core/src/lintProbe.ts', packageToApp)).toEqual(['no-restricted-imports']);
	});

	it('refuses a deep import, by package name or by a relative path into another workspace', async () => {
		const byName = "import { Keyspace } from '@charbot/core/src/index.js';\n\nexport const keyspace = Keyspace;\n";
		expect(await brokenRules('apps/gateway/src/lintProbe.ts', byName)).toEqual(['no-restricted-imports']);
		const byPath = "import { Keyspace } from '../../../packages/core/src/index.js';\n\nexport const keyspace = Keyspace;\n";
		expect(await brokenRules('apps/gateway/src/lintProbe.ts', byPath)).toEqual(['import-x/no-relative-packages']);
	});

	it('refuses a floating promise and an async listener whose rejection nobody sees, and accepts an explicit void', async () => {
		const floating = 'async function save(): Promise<void> {}\n\nexport function onSave(): void {\n\tsave();\n}\n';
		expect(await brokenRules('packages/core/src/lintProbe.ts', floating)).toEqual(['@typescript-eslint/no-floating-promises']);
		const listener = "import { EventEmitter } from 'node:events';\n\nexport const events = new EventEmitter();\nevents.on('save', async () => {});\n";
		expect(await brokenRules('packages/core/src/lintProbe.ts', listener)).toEqual(['@typescript-eslint/no-misused-promises']);
		const decided = 'async function save(): Promise<void> {}\n\nexport function onSave(): void {\n\tvoid save();\n}\n';
		expect(await brokenRules('packages/core/src/lintProbe.ts', decided)).toEqual([]);
	});

	it('refuses an import cycle, even one closed by `import type`', async () => {
		const results = await eslint.lintFiles([join(cycleDir, 'first.ts'), join(cycleDir, 'second.ts')]);
		const rules = results.map((result) => result.messages.map((message) => message.ruleId));
		expect(rules).toEqual([['charbot/no-import-cycle'], ['charbot/no-import-cycle']]);
	});
});
