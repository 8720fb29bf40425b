import { describe, expect, it } from 'vitest';
import { createLogger } from '../logging/createLogger.js';
import { ManualClock } from '../time/Clock.js';
import { createRepeatedErrorLog } from './createRepeatedErrorLog.js';

function recordingLogger() {
	const lines: { msg: string; repeated?: number; queue?: string }[] = [];
	const logger = createLogger({ name: 'test', level: 'debug', format: 'json', destination: { write: (line: string) => lines.push(JSON.parse(line)) } });
	return { logger, lines };
}

describe('createRepeatedErrorLog', () => {
	it('logs a repeating connection error once per minute, with how many were left out, and a new error at once', () => {
		const { logger, lines } = recordingLogger();
		const clock = new ManualClock();
		const log = createRepeatedErrorLog({ logger, label: 'route queue', fields: { queue: 'route' }, clock });
		const refused = new Error('connect ECONNREFUSED 127.0.0.1:6379');
		for (let attempt = 0; attempt < 40; attempt += 1) {
			log(refused);
			clock.advance(2000);
		}
		// 40 attempts over 80 s: logged at 0 s and at 60 s.
		expect(lines.map((line) => [line.msg, line.repeated, line.queue])).toEqual([
			['route queue error: connect ECONNREFUSED 127.0.0.1:6379', undefined, 'route'],
			['route queue error: connect ECONNREFUSED 127.0.0.1:6379 (29 more since it was last logged)', 29, 'route'],
		]);
		log(new Error('Connection is closed.'));
		expect(lines).toHaveLength(3);
		expect(lines[2]?.msg).toBe('route queue error: Connection is closed.');
	});

	it('logs the same error again at once when it comes back after a quiet spell (a second outage)', () => {
		const { logger, lines } = recordingLogger();
		const clock = new ManualClock();
		const log = createRepeatedErrorLog({ logger, label: 'worker', clock });
		log(new Error('connect ECONNREFUSED'));
		clock.advance(1000);
		log(new Error('connect ECONNREFUSED'));
		clock.advance(15_000);
		log(new Error('connect ECONNREFUSED'));
		expect(lines.map((line) => line.msg)).toEqual(['worker error: connect ECONNREFUSED', 'worker error: connect ECONNREFUSED']);
	});
});
