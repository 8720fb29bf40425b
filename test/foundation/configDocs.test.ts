import { readFileSync } from 'node:fs';
import { renderEnvExample, renderSettingsTable, resolveFromRoot } from '@charbot/core';
import { describe, expect, it } from 'vitest';

describe('configuration docs', () => {
	it('README table matches the zod settings (run `npm run docs:config` after changing them)', () => {
		const readme = readFileSync(resolveFromRoot('README.md'), 'utf8');
		const table = /<!-- config:start -->\n([\s\S]*?)\n<!-- config:end -->/.exec(readme)?.[1];
		expect(table).toBe(renderSettingsTable());
	});

	it('.env.example matches the zod settings', () => {
		expect(readFileSync(resolveFromRoot('.env.example'), 'utf8')).toBe(renderEnvExample());
	});
});
