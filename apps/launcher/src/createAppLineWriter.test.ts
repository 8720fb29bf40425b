import { ManualClock } from '@charbot/core';
import { describe, expect, it } from 'vitest';
import { createAppLineWriter } from './createAppLineWriter.js';

const botToken = ['MTA5ODc2NTQzMjEwOTg3NjU0Mw', 'GaBcDe', 'abcdefghijklmnopqrstuvwxyz0123456789AB'].join('.');
const time = new Date(2026, 0, 2, 9, 5, 7, 42).getTime();

function writer(format: 'json' | 'pretty') {
	const written: string[] = [];
	const write = createAppLineWriter({ format, color: false, nameWidth: 15, clock: new ManualClock(time), write: (text) => written.push(text) });
	return { write, written };
}

describe('createAppLineWriter', () => {
	it('renders an app’s JSON lines for a terminal, and its other output under its name, scrubbed', () => {
		const { write, written } = writer('pretty');
		write('gateway', JSON.stringify({ level: 30, time, name: 'gateway', msg: 'connected', guilds: 1 }), 'stdout');
		write('gateway', `Error: login failed for ${botToken}`, 'stderr');
		write('gateway', '   ', 'stderr');
		expect(written).toEqual([
			'09:05:07.042 gateway         INFO  connected  guilds=1\n',
			'09:05:07.042 gateway         ERROR Error: login failed for [redacted-token]\n',
		]);
	});

	it('keeps one JSON object a line for pipes, wrapping what is not one', () => {
		const { write, written } = writer('json');
		const entry = JSON.stringify({ level: 40, time, name: 'message-router', msg: 'slow host' });
		write('message-router', entry, 'stdout');
		write('message-router', '(node:12) Warning: something', 'stderr');
		expect(written[0]).toBe(`${entry}\n`);
		expect(JSON.parse(written[1] ?? '')).toEqual({ level: 50, time, name: 'message-router', msg: '(node:12) Warning: something' });
	});
});
