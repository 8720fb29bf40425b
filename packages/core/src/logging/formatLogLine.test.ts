import { describe, expect, it } from 'vitest';
import { chooseLogFormat } from './chooseLogFormat.js';
import { formatLogLine } from './formatLogLine.js';
import { parseLogLine } from './parseLogLine.js';

const time = new Date(2026, 0, 2, 9, 5, 7, 42).getTime();

describe('formatLogLine', () => {
	it('writes time, app, level, message and the fields worth reading on one line', () => {
		const line = formatLogLine(
			{ level: 30, time, name: 'gateway', msg: 'gateway connected', pid: 7, hostname: 'vm', user: 'Charbot', guilds: 1 },
			{ color: false },
		);
		expect(line).toBe('09:05:07.042 gateway         INFO  gateway connected  user=Charbot guilds=1');
	});

	it('quotes values with spaces, cuts long ones and counts what it leaves out', () => {
		const entry = { level: 40, time, name: 'qc', msg: 'slow', a: 'two words', b: 'x'.repeat(200), c: { nested: [1, 2] }, d: 1, e: 2, f: 3, g: 4 };
		const line = formatLogLine(entry, { color: false, nameWidth: 4 });
		expect(line).toMatch(/^09:05:07\.042 qc {3}WARN {2}slow {2}a="two words" b=x{79}… c=\{"nested":\[1,2\]\} d=1 e=2 f=3 \+1 more$/);
	});

	it('shows an error by type and message, and its stack below the line at error level', () => {
		const err = { type: 'Error', message: 'connect ECONNREFUSED', stack: 'Error: connect ECONNREFUSED\n    at connect (net.js:1:1)\n    at run (app.js:2:2)' };
		const lines = formatLogLine({ level: 50, time, name: 'router', msg: 'redis down', err }, { color: false, nameWidth: 6 }).split('\n');
		expect(lines).toEqual([
			'09:05:07.042 router ERROR redis down  err=Error: connect ECONNREFUSED',
			'             at connect (net.js:1:1)',
			'             at run (app.js:2:2)',
		]);
	});

	it('colours the level and dims the fields only when asked', () => {
		const entry = { level: 30, time, name: 'gateway', msg: 'hi', a: 1 };
		expect(formatLogLine(entry, { color: true })).toContain('\u001b[32mINFO \u001b[0m');
		expect(formatLogLine(entry, { color: true })).toContain('\u001b[2ma=1\u001b[0m');
		expect(formatLogLine(entry, { color: false })).not.toContain('\u001b[');
	});
});

describe('parseLogLine', () => {
	it('reads pino lines and refuses anything else', () => {
		expect(parseLogLine('{"level":30,"time":1,"name":"x","msg":"m","extra":true}\n')).toEqual({ level: 30, time: 1, name: 'x', msg: 'm', extra: true });
		expect(parseLogLine('    at Object.<anonymous> (file.js:1:1)')).toBeUndefined();
		expect(parseLogLine('{"not":"a log line"}')).toBeUndefined();
		expect(parseLogLine('{broken')).toBeUndefined();
	});
});

describe('chooseLogFormat', () => {
	it('is pretty in a terminal and JSON in a pipe unless set', () => {
		expect(chooseLogFormat('auto', { isTTY: true })).toBe('pretty');
		expect(chooseLogFormat('auto', {})).toBe('json');
		expect(chooseLogFormat(undefined, { isTTY: false })).toBe('json');
		expect(chooseLogFormat('json', { isTTY: true })).toBe('json');
		expect(chooseLogFormat('pretty', {})).toBe('pretty');
	});
});
