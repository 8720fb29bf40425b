import { describe, expect, it, vi } from 'vitest';
import type { MessageOutcome } from './MessageOutcome.js';
import { type GivenUpMessage, type GiveUpReason, MessageRetryBuffer } from './MessageRetryBuffer.js';

/** Stands for Redis being away: what an attempt throws while `down` is set. */
class Outage extends Error {}

function world(options: { maxMessages?: number; maxAgeMs?: number } = {}) {
	const state = { down: false, clock: 0 };
	const tried: string[] = [];
	const givenUp: { messageId: string; reason: GiveUpReason }[] = [];
	const holding: boolean[] = [];
	const buffer = new MessageRetryBuffer<string>({
		maxMessages: options.maxMessages ?? 100,
		maxAgeMs: options.maxAgeMs ?? 60_000,
		firstRetryDelayMs: 5,
		maxRetryDelayMs: 20,
		isOutage: (error) => error instanceof Outage,
		onGiveUp: (messages: readonly GivenUpMessage<string>[], reason) => givenUp.push(...messages.map(({ messageId }) => ({ messageId, reason }))),
		onHolding: (now) => holding.push(now),
		clock: { now: () => state.clock },
	});
	const send = (channelId: string, messageId: string, bad = false) =>
		buffer.run(channelId, messageId, `note of ${messageId}`, async (): Promise<MessageOutcome> => {
			tried.push(messageId);
			if (bad) throw new TypeError(`message ${messageId} is unreadable`);
			if (state.down) throw new Outage('connect ECONNREFUSED');
			return { kind: 'enqueued', messageId, jobIds: [`job-${messageId}`] };
		});
	return { state, tried, givenUp, holding, buffer, send };
}

const settle = <T>(promise: Promise<T>) =>
	promise.then(
		(value) => ({ value }),
		(error: unknown) => ({ error: (error as Error).message }),
	);

describe('MessageRetryBuffer', () => {
	it('holds messages that failed on an outage and handles them in channel order once Redis is back, new ones behind them', async () => {
		const { state, tried, holding, buffer, send } = world();
		state.down = true;
		const first = send('a', 'a1');
		const second = send('a', 'a2');
		const elsewhere = send('b', 'b1');
		await vi.waitFor(() => expect(buffer.size).toBe(3));
		expect(holding).toEqual([true]);
		state.down = false;
		// Arrives after Redis is back but before the held ones were retried: it waits its turn.
		const third = send('a', 'a3');
		buffer.retryNow();
		expect(await Promise.all([first, second, third, elsewhere])).toEqual(
			['a1', 'a2', 'a3', 'b1'].map((messageId) => expect.objectContaining({ kind: 'enqueued', messageId })),
		);
		const channelA = tried.filter((messageId) => messageId.startsWith('a'));
		// a1 was tried (and failed) while down, maybe retried while down; a2 never jumped ahead of it.
		expect(channelA.lastIndexOf('a1')).toBeLessThan(channelA.indexOf('a2'));
		expect(channelA.indexOf('a2')).toBeLessThan(channelA.indexOf('a3'));
		expect(channelA.filter((messageId) => messageId === 'a3')).toHaveLength(1);
		expect(buffer.size).toBe(0);
		expect(holding).toEqual([true, false]);
	});

	it('retries on its own with backoff, without waiting for retryNow', async () => {
		const { state, tried, buffer, send } = world();
		state.down = true;
		const held = send('a', 'a1');
		// Tried once, then again by the buffer's own timer while Redis was still down.
		await vi.waitFor(() => expect(tried.length).toBeGreaterThanOrEqual(2));
		state.down = false;
		expect(await held).toMatchObject({ kind: 'enqueued', messageId: 'a1' });
		expect(buffer.size).toBe(0);
	});

	it('fails a bad message at once instead of holding it', async () => {
		const { buffer, send, givenUp } = world();
		expect(await settle(send('a', 'bad', true))).toEqual({ error: 'message bad is unreadable' });
		expect(buffer.size).toBe(0);
		expect(givenUp).toEqual([]);
	});

	it('gives up the oldest beyond its size, and those held longer than their age', async () => {
		const { state, buffer, send, givenUp } = world({ maxMessages: 2, maxAgeMs: 1000 });
		state.down = true;
		const results = ['m1', 'm2', 'm3'].map((messageId, index) => settle(send(`c${index}`, messageId)));
		expect(await results[0]).toEqual({ error: expect.stringMatching(/^gave up message m1 after 0 s waiting for Redis: more than 2 messages were waiting/) });
		expect(givenUp).toEqual([{ messageId: 'm1', reason: 'buffer-full' }]);
		state.clock = 1000;
		buffer.retryNow();
		expect(await Promise.all(results.slice(1))).toEqual([
			{ error: expect.stringMatching(/^gave up message m2 after 1 s waiting for Redis: it waited too long/) },
			{ error: expect.stringMatching(/^gave up message m3 after 1 s/) },
		]);
		expect(givenUp.map(({ reason }) => reason)).toEqual(['buffer-full', 'too-old', 'too-old']);
		expect(buffer.size).toBe(0);
	});

	it('gives up in one round the messages that would be too old before the next, so a burst is given up together', async () => {
		const { state, buffer, send, givenUp } = world({ maxAgeMs: 1000 });
		state.down = true;
		const held = (count: number) => vi.waitFor(() => expect(buffer.size).toBe(count));
		const first = settle(send('c1', 'm1'));
		await held(1);
		state.clock = 3;
		const second = settle(send('c1', 'm2'));
		await held(2);
		state.clock = 500;
		const third = settle(send('c1', 'm3'));
		await held(3);
		state.clock = 1000;
		buffer.retryNow();
		await Promise.all([first, second]);
		expect(givenUp).toEqual([
			{ messageId: 'm1', reason: 'too-old' },
			{ messageId: 'm2', reason: 'too-old' },
		]);
		expect(buffer.size, 'm3 has waited half as long: it is still held').toBe(1);
		buffer.close();
		expect(await third, 'given up at close, even while it was being tried').toEqual({
			error: expect.stringMatching(/^gave up message m3 .*the gateway is stopping/),
		});
	});

	it('gives up everything held when closed, but still handles new messages while Redis answers', async () => {
		const { state, buffer, send, givenUp } = world();
		state.down = true;
		const held = settle(send('a', 'a1'));
		await vi.waitFor(() => expect(buffer.size).toBe(1));
		buffer.close();
		expect(await held).toEqual({ error: expect.stringMatching(/the gateway is stopping/) });
		expect(givenUp).toEqual([{ messageId: 'a1', reason: 'shutdown' }]);
		state.down = false;
		expect(await send('a', 'a2')).toMatchObject({ kind: 'enqueued' });
	});
});
