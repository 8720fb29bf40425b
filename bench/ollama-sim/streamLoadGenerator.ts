// Child process of concurrentStreams.ts: opens streaming chats with plain node:http and reports timings.
import { Agent, request } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** Sent by the parent to start a run. */
export interface LoadOrder {
	readonly url: string;
	readonly streams: number;
	readonly rampMs: number;
	readonly body: string;
}

/** One stream's outcome, in milliseconds from the run's start. */
export interface StreamResult {
	readonly startedAt: number;
	/** When the TCP connection was up (the start itself for a reused connection). */
	readonly connectedAt: number;
	readonly firstByteAt: number;
	readonly endedAt: number;
	readonly tokens: number;
	readonly error?: string;
}

/** What a generator reports back. */
export interface LoadReport {
	readonly results: StreamResult[];
	/** Event-loop lag beyond the 10 ms sampling interval. */
	readonly eventLoopP99Ms: number;
	readonly cpuMs: number;
}

process.once('message', (order: LoadOrder) => {
	void run(order).then((report) => process.send?.(report, () => process.exit(0)));
});

async function run(order: LoadOrder): Promise<LoadReport> {
	const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
	const delay = monitorEventLoopDelay({ resolution: 10 });
	delay.enable();
	const cpuBefore = process.cpuUsage();
	const origin = performance.now();
	const target = new URL('/api/chat', order.url);
	const one = (index: number) =>
		new Promise<StreamResult>((resolve) => {
			setTimeout(
				() => {
					const startedAt = performance.now() - origin;
					let firstByteAt = 0;
					let connectedAt = startedAt;
					let lines = 0;
					const req = request(target, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (response) => {
						response.on('data', (chunk: Buffer) => {
							firstByteAt ||= performance.now() - origin;
							for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines += 1;
						});
						response.on('end', () => resolve({ startedAt, connectedAt, firstByteAt, endedAt: performance.now() - origin, tokens: Math.max(0, lines - 1) }));
						response.on('error', (error) =>
							resolve({ startedAt, connectedAt, firstByteAt, endedAt: performance.now() - origin, tokens: lines, error: error.message }),
						);
					});
					req.once('socket', (socket) => {
						if (socket.connecting) socket.once('connect', () => (connectedAt = performance.now() - origin));
					});
					req.on('error', (error) =>
						resolve({ startedAt, connectedAt, firstByteAt, endedAt: performance.now() - origin, tokens: lines, error: error.message }),
					);
					req.end(order.body);
				},
				(index / order.streams) * order.rampMs,
			);
		});
	const results = await Promise.all(Array.from({ length: order.streams }, (_, index) => one(index)));
	delay.disable();
	const cpu = process.cpuUsage(cpuBefore);
	agent.destroy();
	return { results, eventLoopP99Ms: Math.max(0, delay.percentile(99) / 1e6 - 10), cpuMs: (cpu.user + cpu.system) / 1000 };
}
