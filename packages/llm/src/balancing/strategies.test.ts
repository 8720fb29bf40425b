import { describe, expect, it } from 'vitest';
import { HostState } from '../hosts/HostState.js';
import type { BalancingStrategy } from './BalancingStrategy.js';
import { LeastLoadedStrategy } from './LeastLoadedStrategy.js';
import { RoundRobinStrategy } from './RoundRobinStrategy.js';

const clock = { now: () => 1_000_000 };
const model = 'llama3.2:1b';

function host(name: string, options: { maxParallel?: number; warm?: boolean; msPerToken?: number; weight?: number } = {}): HostState {
	const state = new HostState({ url: `http://${name}:11434`, weight: options.weight ?? 1, labels: [], maxParallel: options.maxParallel ?? 2 }, 4, clock);
	state.models = new Map([[model, { name: model, digest: 'sha256:a', sizeBytes: 1 }]]);
	if (options.warm !== false) state.loaded.add(model);
	if (options.msPerToken !== undefined) state.msPerToken = options.msPerToken;
	return state;
}

function seeded(seed: number): () => number {
	let value = seed;
	return () => {
		value = (value * 1_103_515_245 + 12_345) % 2 ** 31;
		return value / 2 ** 31;
	};
}

function place(strategy: BalancingStrategy, hosts: HostState[], request = { model, exclude: new Set<string>(), backlog: 0 }) {
	const selection = strategy.select(hosts, request);
	return selection.kind === 'host' ? selection.host.url : selection.kind;
}

describe('LeastLoadedStrategy', () => {
	it('spreads ties evenly instead of sending them to the first host', () => {
		const hosts = [host('a', { maxParallel: 1000 }), host('b', { maxParallel: 1000 }), host('c', { maxParallel: 1000 })];
		const strategy = new LeastLoadedStrategy({ random: seeded(7) });
		const counts = new Map<string, number>();
		for (let index = 0; index < 3000; index += 1) {
			const url = place(strategy, hosts);
			counts.set(url, (counts.get(url) ?? 0) + 1);
		}
		for (const count of counts.values()) expect(count).toBeGreaterThan(900);
		expect(counts.size).toBe(3);
	});

	it('prefers the less loaded and the faster host', () => {
		const busy = host('busy', { maxParallel: 4 });
		busy.inFlight = 3;
		const idle = host('idle', { maxParallel: 4 });
		const strategy = new LeastLoadedStrategy({ random: seeded(1) });
		for (let index = 0; index < 50; index += 1) expect(place(strategy, [busy, idle])).toBe('http://idle:11434');
		const slow = host('slow', { msPerToken: 60 });
		const fast = host('fast', { msPerToken: 15 });
		for (let index = 0; index < 50; index += 1) expect(place(strategy, [slow, fast])).toBe('http://fast:11434');
	});

	it('never picks a host without a free slot, and asks to wait when all are full', () => {
		const full = host('full', { maxParallel: 1 });
		full.inFlight = 1;
		const strategy = new LeastLoadedStrategy();
		expect(place(strategy, [full])).toBe('wait');
	});

	it('does not pick a cold host while a warm one has capacity, but uses it when the backlog is long', () => {
		const warm = host('warm', { maxParallel: 2 });
		const cold = host('cold', { maxParallel: 2, warm: false });
		const strategy = new LeastLoadedStrategy({ random: seeded(3) });
		for (let index = 0; index < 50; index += 1) expect(place(strategy, [warm, cold])).toBe('http://warm:11434');
		warm.inFlight = 2;
		expect(place(strategy, [warm, cold], { model, exclude: new Set(), backlog: 0 })).toBe('wait');
		expect(place(strategy, [warm, cold], { model, exclude: new Set(), backlog: 2 })).toBe('http://cold:11434');
	});

	it('skips cooling and dead hosts, and reports when every host is cooling', () => {
		const sick = host('sick');
		for (let index = 0; index < 3; index += 1) sick.breaker.onFailure();
		const dead = host('dead');
		dead.alive = false;
		dead.nextCheckAt = clock.now() + 2000;
		const fine = host('fine');
		const strategy = new LeastLoadedStrategy();
		expect(place(strategy, [sick, dead, fine])).toBe('http://fine:11434');
		const selection = strategy.select([sick, dead], { model, exclude: new Set(), backlog: 0 });
		expect(selection).toEqual({ kind: 'cooling', retryAt: clock.now() + 2000 });
		expect(sick.breaker.retryAt).toBe(clock.now() + 5000);
	});

	it('weighs adaptive hosts still probing by their in-flight count, not by how far their limit has run ahead', () => {
		const adaptive = (name: string) => {
			const state = new HostState({ url: `http://${name}:11434`, weight: 1, labels: [] }, undefined, clock);
			state.models = new Map([[model, { name: model, digest: 'sha256:a', sizeBytes: 1 }]]);
			state.loaded.add(model);
			return state;
		};
		const ahead = adaptive('ahead');
		const behind = adaptive('behind');
		// Four free-slot first tokens raise one host's limit while the other's are still on their way.
		const samples = Array.from({ length: 4 }, () => ahead.acquire(model));
		for (const sample of samples) ahead.concurrency.onFirstToken(sample, 40);
		expect(ahead.maxParallel).toBeGreaterThan(behind.maxParallel);
		expect(ahead.capacity).toBeUndefined();
		ahead.inFlight = 3;
		behind.inFlight = 2;
		const strategy = new LeastLoadedStrategy({ random: seeded(5) });
		for (let index = 0; index < 20; index += 1) expect(place(strategy, [ahead, behind])).toBe(behind.url);
	});

	it('avoids hosts that already failed this request while others remain', () => {
		const a = host('a');
		const b = host('b');
		const strategy = new LeastLoadedStrategy({ random: seeded(9) });
		for (let index = 0; index < 20; index += 1) expect(place(strategy, [a, b], { model, exclude: new Set([a.url]), backlog: 0 })).toBe(b.url);
	});

	it('reports a model no host has', () => {
		const a = host('a');
		a.missing.add(model);
		expect(place(new LeastLoadedStrategy(), [a])).toBe('unavailable');
	});
});

describe('RoundRobinStrategy', () => {
	it('takes turns whatever the load, and queues at the chosen host', () => {
		const a = host('a');
		const b = host('b');
		a.inFlight = 2;
		const strategy = new RoundRobinStrategy();
		const selection = strategy.select([a, b], { model, exclude: new Set(), backlog: 0 });
		expect(selection).toEqual({ kind: 'host', host: a, queueAtHost: true });
		expect(place(strategy, [a, b])).toBe(b.url);
		expect(place(strategy, [a, b])).toBe(a.url);
	});
});
