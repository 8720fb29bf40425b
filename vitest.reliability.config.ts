import { defineConfig } from 'vitest/config';

// The reliability suite (`npm run test:reliability`): the whole platform under load while parts fail.
// One file at a time: each starts every app as a process and measures what members see, so two at once
// on a small machine would only test the machine.
export default defineConfig({
	test: {
		include: ['test/reliability/**/*.test.ts'],
		pool: 'forks',
		testTimeout: 240_000,
		hookTimeout: 120_000,
		maxWorkers: 1,
		fileParallelism: false,
		reporters: ['default'],
	},
});
