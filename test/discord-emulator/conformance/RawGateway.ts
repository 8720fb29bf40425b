import WebSocket from 'ws';

/** One gateway frame as it arrived. */
export interface GatewayFrame {
	readonly op: number;
	readonly d: unknown;
	readonly s: number | null;
	readonly t: string | null;
}

/** A bare gateway client (no discord.js): identifies, heartbeats, and keeps every frame so tests can read raw dispatches. */
export class RawGateway {
	public readonly frames: GatewayFrame[] = [];
	readonly #socket: WebSocket;
	#heartbeat: NodeJS.Timeout | undefined;

	private constructor(socket: WebSocket) {
		this.#socket = socket;
		socket.on('message', (data) => {
			const frame = JSON.parse(data.toString()) as GatewayFrame;
			this.frames.push(frame);
			if (frame.op === 10) {
				const interval = (frame.d as { heartbeat_interval: number }).heartbeat_interval;
				this.#heartbeat = setInterval(() => this.#socket.send(JSON.stringify({ op: 1, d: this.#lastSequence() })), interval);
			}
		});
	}

	/** Connects with `?v=10&encoding=json`, IDENTIFYs with `token` and `intents`, and resolves once READY arrived. */
	public static async connect(url: string, token: string, intents: number): Promise<RawGateway> {
		const socket = new WebSocket(`${url}?v=10&encoding=json`);
		await new Promise<void>((resolve, reject) => {
			socket.once('open', () => resolve());
			socket.once('error', reject);
		});
		const gateway = new RawGateway(socket);
		socket.send(JSON.stringify({ op: 2, d: { token, intents, properties: { os: 'linux', browser: 'conformance', device: 'conformance' } } }));
		await gateway.dispatch('READY');
		return gateway;
	}

	/** The first dispatch of `type` (after `since` frames) that `pick` accepts. */
	public async dispatch(
		type: string,
		pick: (data: Record<string, unknown>) => boolean = () => true,
		since = 0,
		timeoutMs = 5000,
	): Promise<Record<string, unknown>> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const found = this.frames.slice(since).find((frame) => frame.op === 0 && frame.t === type && pick(frame.d as Record<string, unknown>));
			if (found) return found.d as Record<string, unknown>;
			if (Date.now() > deadline)
				throw new Error(`no ${type} dispatch within ${timeoutMs} ms; got ${this.frames.map((frame) => frame.t ?? `op ${frame.op}`).join(', ')}`);
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
	}

	/** Closes the socket. */
	public close(): void {
		clearInterval(this.#heartbeat);
		this.#socket.close(1000);
	}

	#lastSequence(): number | null {
		for (let index = this.frames.length - 1; index >= 0; index--) {
			const sequence = this.frames[index]?.s;
			if (typeof sequence === 'number') return sequence;
		}
		return null;
	}
}
