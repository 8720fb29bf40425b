import { createInterface } from 'node:readline';
import { ConfigError, runService } from '@charbot/core';

// A tiny service on the scaffold, for runService.test.ts. argv[2] picks how it behaves: `ok` starts when a line
// arrives on standard input; `fail` and `refuse` fail to start; `reject` leaves a rejection unhandled once running;
// `throw` throws from a timer once running.
const mode = process.argv[2] ?? 'ok';
const lines = createInterface({ input: process.stdin });
const nextLine = () => new Promise<string>((resolve) => lines.once('line', resolve));

await runService({
	name: 'fixture',
	start: async ({ config, logger }) => {
		if (mode === 'fail') throw new Error('the database is on fire');
		if (mode === 'refuse') throw new ConfigError([{ variable: 'FIXTURE_SETTING', problem: 'is refused by the fixture', example: 'yes' }]);
		if (mode === 'ok') await nextLine();
		if (mode === 'reject') setTimeout(() => void Promise.reject(new Error('a promise nobody awaited')), 10);
		if (mode === 'throw')
			setTimeout(() => {
				throw new Error('a throw nobody caught');
			}, 10);
		return {
			checks: { fixture: () => ({ ok: true, detail: 'fixture works' }) },
			close: async () => {
				// The health server must still answer here, and say the process is stopping.
				const readiness = await fetch(`http://127.0.0.1:${config.HEALTH_PORT}/readyz`);
				logger.info({ status: readiness.status }, 'fixture closing');
				lines.close();
			},
		};
	},
});
