import { execFileSync } from 'node:child_process';
import { Redis } from 'ioredis';

/** One process's Redis traffic: its commands, and the scripts it ran with the commands they ran inside. */
export interface ProcessRedisTraffic {
	/** Commands the process sent (its round trips, pipelined or not), by command. */
	readonly sent: ReadonlyMap<string, number>;
	/** Scripts it ran (EVAL/EVALSHA), by name, with how many commands they ran inside. */
	readonly scripts: ReadonlyMap<string, { readonly calls: number; readonly innerCommands: number }>;
	/** Commands its scripts ran inside Redis. */
	readonly innerCommands: number;
}

/** What {@link RedisCommandRecorder.stop} found: traffic per process name, and commands that matched no process. */
export interface RedisCommandsByProcess {
	readonly byProcess: ReadonlyMap<string, ProcessRedisTraffic>;
	readonly unattributed: number;
}

/** A MONITOR session recording which client sent each command; stop it to attribute them to processes. */
export interface RedisCommandRecorder {
	stop(): Promise<RedisCommandsByProcess>;
}

interface ClientTally {
	sent: Map<string, number>;
	scripts: Map<string, { calls: number; innerCommands: number }>;
	innerCommands: number;
	currentScript: string;
}

/**
 * Records every command Redis runs (MONITOR) and, when stopped, maps each client's address to the process owning its
 * socket (`ss -tnp`), so the counts read per app. A script's inner commands go to the client whose EVALSHA ran just
 * before them (Redis runs one command at a time). `scriptNames` names scripts by SHA1 (others show as `sha:<first 8>`).
 * MONITOR slows Redis down: record a short run kept apart from timing.
 */
export async function recordRedisCommands(
	url: string,
	processNames: ReadonlyMap<number, string>,
	scriptNames: ReadonlyMap<string, string>,
): Promise<RedisCommandRecorder> {
	const perClient = new Map<string, ClientTally>();
	const client = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 1 });
	const monitor = await client.monitor();
	let last: ClientTally | undefined;
	monitor.on('monitor', (_time: string, args: string[], source: string) => {
		const command = (args[0] ?? '').toLowerCase();
		if (source === 'lua') {
			if (last === undefined) return;
			last.innerCommands += 1;
			const script = last.scripts.get(last.currentScript);
			if (script) script.innerCommands += 1;
			return;
		}
		const tally = perClient.get(source) ?? { sent: new Map(), scripts: new Map(), innerCommands: 0, currentScript: '' };
		perClient.set(source, tally);
		last = tally;
		tally.sent.set(command, (tally.sent.get(command) ?? 0) + 1);
		if (command === 'evalsha' || command === 'eval') {
			const sha = command === 'evalsha' ? (args[1] ?? '') : 'eval';
			const name = scriptNames.get(sha) ?? (command === 'eval' ? 'EVAL (inline script)' : `sha:${sha.slice(0, 8)}`);
			const script = tally.scripts.get(name) ?? { calls: 0, innerCommands: 0 };
			script.calls += 1;
			tally.scripts.set(name, script);
			tally.currentScript = name;
		}
	});
	return {
		async stop() {
			monitor.disconnect();
			client.disconnect();
			const owners = socketOwners(url);
			const byProcess = new Map<string, ClientTally>();
			let unattributed = 0;
			for (const [address, tally] of perClient) {
				const pid = owners.get(Number(address.split(':').at(-1)));
				const name = pid === undefined ? undefined : processNames.get(pid);
				if (name === undefined) {
					for (const calls of tally.sent.values()) unattributed += calls;
					unattributed += tally.innerCommands;
					continue;
				}
				const merged = byProcess.get(name) ?? { sent: new Map(), scripts: new Map(), innerCommands: 0, currentScript: '' };
				for (const [command, calls] of tally.sent) merged.sent.set(command, (merged.sent.get(command) ?? 0) + calls);
				for (const [script, counts] of tally.scripts) {
					const sum = merged.scripts.get(script) ?? { calls: 0, innerCommands: 0 };
					merged.scripts.set(script, { calls: sum.calls + counts.calls, innerCommands: sum.innerCommands + counts.innerCommands });
				}
				merged.innerCommands += tally.innerCommands;
				byProcess.set(name, merged);
			}
			return { byProcess, unattributed };
		},
	};
}

/** Local port → owning process id of every TCP connection to the Redis server at `url`. */
function socketOwners(url: string): Map<number, number> {
	const port = new URL(url).port;
	const owners = new Map<number, number>();
	const listing = execFileSync('ss', ['-Htnp', 'state', 'established', `( dport = :${port} )`], { encoding: 'utf8' });
	for (const line of listing.split('\n')) {
		const local = /\S+:(\d+)\s+\S+:\d+/.exec(line);
		const pid = /pid=(\d+)/.exec(line);
		if (local && pid) owners.set(Number(local[1]), Number(pid[1]));
	}
	return owners;
}
