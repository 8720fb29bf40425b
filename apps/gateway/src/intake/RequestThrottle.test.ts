import { describe, expect, it } from 'vitest';
import { RequestThrottle } from './RequestThrottle.js';

describe('RequestThrottle', () => {
	const options = { intervalMs: 8000, maxInFlight: 3, maxChannels: 1000 };

	it('allows one typing request per channel per interval', () => {
		let clock = 0;
		const throttle = new RequestThrottle({ ...options, clock: { now: () => clock } });
		const first = throttle.tryStart('a');
		expect(first).toBeTypeOf('function');
		first?.();
		clock = 7999;
		expect(throttle.tryStart('a')).toBeUndefined();
		expect(throttle.tryStart('b')).toBeTypeOf('function');
		clock = 8000;
		expect(throttle.tryStart('a')).toBeTypeOf('function');
		expect(throttle.tryStart('b')).toBeUndefined();
	});

	it('skips typing while too many requests are still on their way, and counts each settled one once', () => {
		let clock = 0;
		const throttle = new RequestThrottle({ ...options, clock: { now: () => clock } });
		const settle = ['a', 'b', 'c'].map((channelId) => throttle.tryStart(channelId));
		expect(throttle.inFlight).toBe(3);
		expect(throttle.tryStart('d')).toBeUndefined();
		settle[0]?.();
		settle[0]?.();
		expect(throttle.inFlight).toBe(2);
		expect(throttle.tryStart('d')).toBeTypeOf('function');
		expect(throttle.tryStart('e')).toBeUndefined();
		clock = 10_000;
		// The skipped channel was not remembered as typed in: it gets typing as soon as there is room.
		settle[1]?.();
		expect(throttle.tryStart('e')).toBeTypeOf('function');
	});

	it('stays bounded over 50,000 channels: expired channels are forgotten, and beyond the cap the oldest go', () => {
		let clock = 0;
		const throttle = new RequestThrottle({ intervalMs: 8000, maxInFlight: Number.POSITIVE_INFINITY, maxChannels: 2000, clock: { now: () => clock } });
		let largest = 0;
		for (let index = 0; index < 50_000; index += 1) {
			clock = index * 5; // 200 messages a second, each in a new channel
			throttle.tryStart(`channel-${index}`)?.();
			largest = Math.max(largest, throttle.channels);
		}
		// 8 s at 200 channels a second.
		expect(largest).toBe(1600);
		const capped = new RequestThrottle({ intervalMs: 8000, maxInFlight: Number.POSITIVE_INFINITY, maxChannels: 100, clock: { now: () => 0 } });
		for (let index = 0; index < 50_000; index += 1) capped.tryStart(`channel-${index}`)?.();
		expect(capped.channels).toBe(100);
		// The newest are the ones remembered.
		expect(capped.tryStart('channel-49999')).toBeUndefined();
		expect(capped.tryStart('channel-0')).toBeTypeOf('function');
	});
});
