import { ManualClock, systemClock } from '@charbot/core';
import { describe, expect, it } from 'vitest';
import { LeastLoadedStrategy } from '../balancing/LeastLoadedStrategy.js';
import { RoundRobinStrategy } from '../balancing/RoundRobinStrategy.js';
import { HostDispatcher } from './HostDispatcher.js';
import { HostState } from './HostState.js';

const model = 'm';
const clock = systemClock;

function host(name: string, maxParallel: number): HostState {
	const state = new HostState({ url: `http://${name}`, weight: 1, labels: [], maxParallel }, 4, clock);
	state.models = new Map([[model, { name: model, digest: 'd', sizeBytes: 1 }]]);
	state.loaded.add(model);
	return state;
}

describe('HostDispatcher', () => {
	it('queues requests in the client, first come first served, instead of exceeding a host limit', async () => {
		const only = host('only', 1);
		const dispatcher = new HostDispatcher(new LeastLoadedStrategy(), clock);
		const first = await dispatcher.acquire(model, [only], new Set(), Date.now() + 5000);
		const order: number[] = [];
		const second = dispatcher.acquire(model, [only], new Set(), Date.now() + 5000).then((lease) => {
			order.push(2);
			return lease;
		});
		const third = dispatcher.acquire(model, [only], new Set(), Date.now() + 5000).then((lease) => {
			order.push(3);
			return lease;
		});
		expect(only.inFlight).toBe(1);
		expect(dispatcher.backlog).toBe(2);
		dispatcher.release(first.host);
		dispatcher.release((await second).host);
		dispatcher.release((await third).host);
		expect(order).toEqual([2, 3]);
		expect(only.inFlight).toBe(0);
	});

	it('hands a freed slot to the waiting request with the lowest priority number, equal ones in arrival order', async () => {
		const only = host('only', 1);
		const dispatcher = new HostDispatcher(new LeastLoadedStrategy(), clock);
		const held = await dispatcher.acquire(model, [only], new Set(), Date.now() + 5000);
		const order: string[] = [];
		const wait = (name: string, priority?: number) =>
			dispatcher.acquire(model, [only], new Set(), Date.now() + 5000, undefined, priority).then((lease) => {
				order.push(name);
				dispatcher.release(lease.host);
			});
		const waiting = [wait('busy-a', 40), wait('busy-b', 41), wait('quiet-a', 2), wait('busy-c', 41), wait('quiet-b', 2), wait('unprioritized')];
		dispatcher.release(held.host);
		await Promise.all(waiting);
		expect(order).toEqual(['unprioritized', 'quiet-a', 'quiet-b', 'busy-a', 'busy-b', 'busy-c']);
	});

	it('rejects a waiting request at its deadline and on abort', async () => {
		const only = host('only', 1);
		const dispatcher = new HostDispatcher(new RoundRobinStrategy(), clock);
		await dispatcher.acquire(model, [only], new Set(), Date.now() + 5000);
		await expect(dispatcher.acquire(model, [only], new Set(), Date.now() + 50)).rejects.toMatchObject({ code: 'deadline-exceeded' });
		const controller = new AbortController();
		const pending = dispatcher.acquire(model, [only], new Set(), Date.now() + 5000, controller.signal);
		controller.abort();
		await expect(pending).rejects.toMatchObject({ code: 'aborted' });
		expect(dispatcher.backlog).toBe(0);
	});

	it('waits for the earliest recovery when every host is cooling instead of failing at once', async () => {
		// The breaker's clock moves only when the test moves it: the lease cannot come before the cooldown has passed.
		const manual = new ManualClock(Date.now());
		const sick = new HostState({ url: 'http://sick', weight: 1, labels: [], maxParallel: 1 }, 1, manual, {
			failureThreshold: 1,
			cooldownMs: 150,
			maxCooldownMs: 150,
		});
		sick.breaker.onFailure();
		const dispatcher = new HostDispatcher(new LeastLoadedStrategy(), manual);
		let leased = false;
		const acquiring = dispatcher.acquire(model, [sick], new Set(), manual.now() + 2000).then((lease) => {
			leased = true;
			return lease;
		});
		await Promise.resolve();
		expect(dispatcher.backlog, 'queued, not refused').toBe(1);
		expect(sick.breaker.state).toBe('open');
		manual.advance(149);
		expect(sick.breaker.state, 'still cooling a moment before the cooldown ends').toBe('open');
		expect(leased).toBe(false);
		manual.advance(1);
		const lease = await acquiring;
		expect(lease.host).toBe(sick);
		await expect(
			(async () => {
				const other = new HostState({ url: 'http://other', weight: 1, labels: [], maxParallel: 1 }, 1, manual, {
					failureThreshold: 1,
					cooldownMs: 5000,
					maxCooldownMs: 5000,
				});
				other.breaker.onFailure();
				return dispatcher.acquire(model, [other], new Set(), manual.now() + 100);
			})(),
		).rejects.toMatchObject({ code: 'no-host-available' });
	});

	it('names the model and hosts when no host has the model', async () => {
		const a = host('a', 1);
		a.missing.add(model);
		const dispatcher = new HostDispatcher(new LeastLoadedStrategy(), clock);
		await expect(dispatcher.acquire(model, [a], new Set(), Date.now() + 1000)).rejects.toThrow('Model "m" is not available on any host (http://a)');
	});
});
