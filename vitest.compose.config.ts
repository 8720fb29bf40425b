import { defineConfig } from 'vitest/config';

// `npm run test:compose`: the Dockerfile built and docker-compose.yaml started on the local Docker engine
// (test/compose). One file, one fork, minutes per step: image builds and container starts on 2 cores.
export default defineConfig({
	test: {
		include: ['test/compose/**/*.test.ts'],
		pool: 'forks',
		maxWorkers: 1,
		fileParallelism: false,
		testTimeout: 1_200_000,
		hookTimeout: 600_000,
		reporters: ['default'],
	},
});
