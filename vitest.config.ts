import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'test/**/*.test.ts'],
		exclude: ['**/node_modules/**', 'test/reliability/**', 'test/compose/**'],
		pool: 'forks',
		testTimeout: 30_000,
		hookTimeout: 60_000,
		// Two cores: system tests start servers, so too many files at once only adds noise.
		maxWorkers: 2,
		reporters: ['default'],
	},
});
