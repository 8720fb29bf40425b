import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { FaultPlanner } from './behavior/FaultPlanner.js';
import type { SimBehavior } from './behavior/SimBehavior.js';
import { simBehaviorSchema } from './behavior/simBehaviorSchema.js';
import { ModelRegistry } from './models/ModelRegistry.js';
import { normalizeModelName } from './models/normalizeModelName.js';
import type { OllamaSimOptions, SimModelOptions } from './options/OllamaSimOptions.js';
import { resolveOptions } from './options/resolveOptions.js';
import { createRequestHandler } from './routes/createRequestHandler.js';
import type { SimContext } from './SimContext.js';
import { Scheduler } from './scheduling/Scheduler.js';
import { ScriptBook } from './scripts/ScriptBook.js';
import type { SimScript } from './scripts/SimScript.js';
import { SloppyPlanner } from './sloppy/SloppyPlanner.js';
import type { SloppyRecord } from './sloppy/SloppyRecord.js';
import type { SimRequestRecord } from './stats/SimRequestRecord.js';
import type { SimStats } from './stats/SimStats.js';
import { StatsRecorder } from './stats/StatsRecorder.js';
import { TokenPacer } from './streaming/TokenPacer.js';

/** A running simulator. */
export interface OllamaSim {
	/** Base URL for clients, e.g. `http://127.0.0.1:41234`. */
	readonly url: string;
	readonly port: number;
	/** The name shown in the banner and `/api/version`. */
	readonly name: string;
	/** The behaviour in force now. */
	readonly behavior: Readonly<Required<SimBehavior>>;
	/** Changes faults and slowness; async because `refuse` closes the listener and clearing it reopens the same port. */
	setBehavior(behavior: Partial<SimBehavior>): Promise<void>;
	/** Adds a scripted reply after the existing ones. */
	addScript(script: SimScript): void;
	/** Removes every scripted reply. */
	clearScripts(): void;
	/** Simulates a model update: a new digest and modification time in `/api/tags`. */
	setModelDigest(model: string, digest: string): void;
	/** Adds a model, as if it had been pulled. */
	addModel(model: string | SimModelOptions): void;
	/** A copy of the counters. */
	stats(): SimStats;
	/** The sloppy failures that reached clients, oldest first (the last 10,000 since start or `resetStats()`). */
	sloppyRecords(): SloppyRecord[];
	/** The chat and generate requests that asked for a reply, oldest first, with the model and the images each carried (the last 10,000 since start or `resetStats()`). */
	requestRecords(): SimRequestRecord[];
	/** Zeroes the counters and drops the sloppy and request records (gauges such as `inFlight` keep their current values). */
	resetStats(): void;
	/** Stops listening and drops every connection, hung ones included. */
	close(): Promise<void>;
}

/** Starts an Ollama API simulator that the official `ollama` client talks to unmodified. */
export async function startOllamaSim(options: OllamaSimOptions = {}): Promise<OllamaSim> {
	const resolved = resolveOptions(options);
	const stats = new StatsRecorder();
	const faults = new FaultPlanner();
	const sloppy = new SloppyPlanner();
	const scripts = new ScriptBook();
	let behavior = resolved.behavior;
	let forgotten = new Set(behavior.forgottenModels.map(normalizeModelName));
	const models = new ModelRegistry({
		numParallel: resolved.numParallel,
		keepAliveMs: resolved.keepAliveMs,
		defaults: resolved,
		isForgotten: (name) => forgotten.has(name),
		events: { onLoaded: () => stats.loaded(), onUnloaded: () => stats.unloaded() },
	});
	for (const model of resolved.models) models.add(model);
	for (const script of resolved.scripts) scripts.add(script);
	const preload = resolved.preloaded === true ? models.list().map((model) => model.name) : resolved.preloaded === false ? [] : resolved.preloaded;
	for (const name of preload) {
		const entry = models.find(name);
		if (!entry) throw new RangeError(`Invalid OllamaSimOptions: preloaded names ${JSON.stringify(name)}, which is not in models`);
		entry.runtime.markLoaded(Date.now());
	}
	// Preloading is part of the start, not work the simulator did for a client.
	stats.reset();

	const reportError = (error: unknown) => console.error(`[ollama-sim ${resolved.name}] internal error:`, error);
	const pacer = new TokenPacer(reportError);
	let closed = false;
	let listening = false;
	const context: SimContext = {
		options: resolved,
		models,
		scheduler: new Scheduler(resolved.maxQueue, stats),
		pacer,
		stats,
		scripts,
		faults,
		sloppy,
		get behavior() {
			return behavior;
		},
		setBehavior: async (change, spare) => {
			const result = simBehaviorSchema.safeParse(change);
			if (!result.success)
				throw new RangeError(`Invalid SimBehavior: ${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
			if (closed) return;
			const next = { ...behavior, ...(result.data as Partial<SimBehavior>) };
			if (next.fault !== behavior.fault || next.faultRate !== behavior.faultRate) faults.reset();
			if (next.sloppy !== behavior.sloppy || next.sloppyKinds.join() !== behavior.sloppyKinds.join()) sloppy.reset();
			const wasRefusing = behavior.fault === 'refuse';
			behavior = { ...next, forgottenModels: [...next.forgottenModels], sloppyKinds: [...next.sloppyKinds] };
			forgotten = new Set(behavior.forgottenModels.map(normalizeModelName));
			if (behavior.fault === 'refuse' && !wasRefusing) await stopListening(server, spare);
			if (behavior.fault !== 'refuse' && wasRefusing) await listen(server, port, resolved.host);
		},
	};

	const server = createServer(createRequestHandler(context, reportError));
	server.keepAliveTimeout = 5000;
	const sockets = new Set<Socket>();
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.once('close', () => sockets.delete(socket));
	});
	await listen(server, resolved.port, resolved.host);
	const port = (server.address() as AddressInfo).port;
	if (behavior.fault === 'refuse') await stopListening(server);
	const urlHost = resolved.host === '::' || resolved.host === '0.0.0.0' ? '127.0.0.1' : resolved.host.includes(':') ? `[${resolved.host}]` : resolved.host;

	async function listen(target: Server, onPort: number, host: string): Promise<void> {
		await new Promise<void>((resolve, reject) => {
			target.once('error', reject);
			target.listen({ port: onPort, host, ipv6Only: false, backlog: 4096 }, () => {
				target.off('error', reject);
				resolve();
			});
		});
		listening = true;
	}

	// Stops accepting at once and drops every connection but `spare`, which carries a control answer
	// sent with `connection: close` and ends by itself once that answer is out.
	async function stopListening(target: Server, spare?: Socket): Promise<void> {
		if (!listening) return;
		listening = false;
		const done = new Promise<void>((resolve) => target.close(() => resolve()));
		for (const socket of sockets) if (socket !== spare) socket.destroy();
		// With a spare, the listener finishes closing only after the answer is out: don't wait for it.
		if (spare === undefined) await done;
	}

	return {
		url: `http://${urlHost}:${port}`,
		port,
		name: resolved.name,
		get behavior() {
			return behavior;
		},
		setBehavior: (change) => context.setBehavior(change),
		addScript: (script) => scripts.add(script),
		clearScripts: () => scripts.clear(),
		setModelDigest: (model, digest) => models.setDigest(model, digest),
		addModel: (model) => void models.add(model),
		stats: () => stats.snapshot(),
		sloppyRecords: () => stats.sloppyRecords(),
		requestRecords: () => stats.requestRecords(),
		resetStats: () => stats.reset(),
		close: async () => {
			if (closed) return;
			closed = true;
			pacer.stop();
			models.dispose();
			await stopListening(server);
		},
	};
}
