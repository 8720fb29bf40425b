import { WebSocket } from 'ws';
import { GatewayCloseCodes } from './GatewayIntents.js';
import type { GatewaySession, SessionSocket } from './GatewaySession.js';

/** Opcodes of the gateway protocol. */
export const GatewayOpcodes = {
	Dispatch: 0,
	Heartbeat: 1,
	Identify: 2,
	PresenceUpdate: 3,
	VoiceStateUpdate: 4,
	Resume: 6,
	Reconnect: 7,
	RequestGuildMembers: 8,
	InvalidSession: 9,
	Hello: 10,
	HeartbeatAck: 11,
	RequestSoundboardSounds: 31,
} as const;

/** What a connection asks of the gateway server. */
export interface GatewayHost {
	readonly heartbeatIntervalMs: number;
	identify(connection: GatewayConnection, data: Record<string, unknown>): void;
	resume(connection: GatewayConnection, data: Record<string, unknown>): void;
	requestGuildMembers(connection: GatewayConnection, session: GatewaySession, data: Record<string, unknown>): void;
	connectionClosed(connection: GatewayConnection, code: number): void;
}

/** One gateway WebSocket: HELLO, heartbeats, and the opcodes a client may send. */
export class GatewayConnection implements SessionSocket {
	public session: GatewaySession | null = null;
	readonly #socket: WebSocket;
	readonly #host: GatewayHost;
	#heartbeatTimer: NodeJS.Timeout | undefined;

	public constructor(socket: WebSocket, host: GatewayHost) {
		this.#socket = socket;
		this.#host = host;
		socket.on('message', (data, isBinary) => this.#onMessage(isBinary ? null : data.toString()));
		socket.on('close', (code) => {
			clearTimeout(this.#heartbeatTimer);
			host.connectionClosed(this, code);
		});
		socket.on('error', (error) => console.error('discord-emulator: gateway socket error', error));
		this.sendOp(GatewayOpcodes.Hello, { heartbeat_interval: host.heartbeatIntervalMs, _trace: ['["discord-emulator",{"micros":0}]'] });
		this.#expectHeartbeat();
	}

	/** Sends a prepared frame if the socket is open. */
	public sendFrame(frame: string): void {
		if (this.#socket.readyState === WebSocket.OPEN) this.#socket.send(frame);
	}

	/** Sends a non-dispatch payload. */
	public sendOp(op: number, d: unknown): void {
		this.sendFrame(JSON.stringify({ op, d, s: null, t: null }));
	}

	/** Closes with a gateway close code. */
	public close(code: number, reason = ''): void {
		if (this.#socket.readyState === WebSocket.OPEN || this.#socket.readyState === WebSocket.CONNECTING) this.#socket.close(code, reason);
	}

	/** Drops the TCP connection without a close frame, like a network failure (the client sees 1006). */
	public terminate(): void {
		this.#socket.terminate();
	}

	#expectHeartbeat(): void {
		clearTimeout(this.#heartbeatTimer);
		// Clients beat every interval (the first one after a random fraction of it); allow two missed beats.
		this.#heartbeatTimer = setTimeout(() => this.close(GatewayCloseCodes.SessionTimedOut, 'No heartbeat received'), this.#host.heartbeatIntervalMs * 2 + 5000);
		this.#heartbeatTimer.unref();
	}

	#onMessage(text: string | null): void {
		let payload: { op?: unknown; d?: unknown };
		try {
			payload = JSON.parse(text ?? '') as { op?: unknown; d?: unknown };
			if (typeof payload !== 'object' || payload === null) throw new Error('not an object');
		} catch {
			this.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
			return;
		}
		const data = typeof payload.d === 'object' && payload.d !== null ? (payload.d as Record<string, unknown>) : {};
		const notIdentified = () => this.close(GatewayCloseCodes.NotAuthenticated, 'You sent a payload prior to identifying.');
		switch (payload.op) {
			case GatewayOpcodes.Heartbeat:
				this.#expectHeartbeat();
				this.sendOp(GatewayOpcodes.HeartbeatAck, null);
				break;
			case GatewayOpcodes.Identify:
				if (this.session) this.close(GatewayCloseCodes.AlreadyAuthenticated, 'You sent more than one identify payload.');
				else this.#host.identify(this, data);
				break;
			case GatewayOpcodes.Resume:
				this.#host.resume(this, data);
				break;
			case GatewayOpcodes.RequestGuildMembers:
				if (this.session) this.#host.requestGuildMembers(this, this.session, data);
				else notIdentified();
				break;
			case GatewayOpcodes.PresenceUpdate:
			case GatewayOpcodes.VoiceStateUpdate:
			case GatewayOpcodes.RequestSoundboardSounds:
				if (!this.session) notIdentified();
				break;
			default:
				this.close(GatewayCloseCodes.UnknownOpcode, 'Unknown opcode.');
		}
	}
}
