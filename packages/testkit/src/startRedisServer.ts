import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from './findFreePort.js';

/** Options of {@link startRedisServer}. */
export interface RedisServerOptions {
	/** Append-only persistence, to test that a restart loses nothing. */
	readonly appendOnly?: boolean;
	/** `noeviction` (queues, default) or an LRU policy (cache). */
	readonly maxmemoryPolicy?: 'noeviction' | 'allkeys-lru';
	readonly maxmemory?: string;
	/** Its own process group, so a terminal's Ctrl-C reaches only its owner, which stops it after the apps that use it. */
	readonly detached?: boolean;
	/** The port to listen on; a free one when unset. */
	readonly port?: number;
	/** More `redis-server` arguments, e.g. a cluster node's. */
	readonly extraArgs?: readonly string[];
}

/** A private redis-server of one test file or suite. */
export interface RedisServer {
	readonly url: string;
	readonly port: number;
	readonly dir: string;
	/** Stops the server (SIGKILL when `crash`), keeping its data folder. */
	stop(options?: { crash?: boolean }): Promise<void>;
	/** Starts it again on the same port and folder. */
	start(): Promise<void>;
	/** Stops it and removes its folder. */
	close(): Promise<void>;
}

const installHint = 'redis-server was not found on PATH. Install it with: apt-get update && apt-get install -y redis-server';

/** Finds redis-server or throws a message that says how to install it. */
export function redisServerBinary(): string {
	try {
		return execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim() || failMissing();
	} catch {
		return failMissing();
	}
}

function failMissing(): never {
	throw new Error(installHint);
}

/** Starts a private redis-server on a free loopback port with its own temp folder. Never touches 6379. */
export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
	const binary = redisServerBinary();
	const dir = mkdtempSync(join(tmpdir(), 'charbot-redis-'));
	const port = options.port ?? (await findFreePort());
	let child: ChildProcess | undefined;

	const args = [
		'--port',
		String(port),
		'--bind',
		'127.0.0.1',
		'--dir',
		dir,
		'--save',
		'',
		'--appendonly',
		options.appendOnly ? 'yes' : 'no',
		'--appendfsync',
		'everysec',
		'--maxmemory-policy',
		options.maxmemoryPolicy ?? 'noeviction',
		...(options.maxmemory ? ['--maxmemory', options.maxmemory] : []),
		'--protected-mode',
		'no',
		'--logfile',
		join(dir, 'redis.log'),
		...(options.extraArgs ?? []),
	];

	const start = async () => {
		const spawned = spawn(binary, args, { stdio: 'ignore', detached: options.detached ?? false });
		child = spawned;
		const exited = new Promise<never>((_, reject) => {
			spawned.once('exit', (code) => reject(new Error(`redis-server exited with code ${code} during start (see ${dir}/redis.log)`)));
		});
		await Promise.race([waitForPort(port, 10_000), exited]);
	};

	const stop = async ({ crash = false } = {}) => {
		const running = child;
		child = undefined;
		if (!running || running.exitCode !== null) return;
		const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
		running.kill(crash ? 'SIGKILL' : 'SIGTERM');
		await exited;
	};

	await start();
	return {
		url: `redis://127.0.0.1:${port}`,
		port,
		dir,
		stop,
		start,
		close: async () => {
			await stop();
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await answersPing(port)) return;
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
	throw new Error(`redis-server on port ${port} did not answer within ${timeoutMs} ms`);
}

function answersPing(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = createConnection({ port, host: '127.0.0.1' });
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.once('data', (data) => {
			socket.destroy();
			resolve(data.toString().startsWith('+PONG'));
		});
		socket.once('error', () => resolve(false));
	});
}
