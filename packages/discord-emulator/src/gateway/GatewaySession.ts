import type { SessionView } from './Dispatch.js';
import { ReplayBuffer, type ReplayBufferLimits } from './ReplayBuffer.js';

/** The socket side of a session, as the session needs it. */
export interface SessionSocket {
	sendFrame(frame: string): void;
}

/** Facts fixed at IDENTIFY. */
export interface SessionIdentity {
	readonly id: string;
	readonly shardId: number;
	readonly shardCount: number;
	readonly intents: number;
	readonly largeThreshold: number;
}

/** A gateway session: survives its socket so it can be resumed, numbering and keeping its dispatches. */
export class GatewaySession implements SessionView {
	public readonly id: string;
	public readonly shardId: number;
	public readonly shardCount: number;
	public readonly intents: number;
	public readonly largeThreshold: number;
	public readonly buffer: ReplayBuffer;
	public seq = 0;
	public socket: SessionSocket | null = null;
	/** When the last socket went away; sessions without a socket expire. */
	public detachedAt: number | null = null;

	public constructor(identity: SessionIdentity, limits: ReplayBufferLimits) {
		this.id = identity.id;
		this.shardId = identity.shardId;
		this.shardCount = identity.shardCount;
		this.intents = identity.intents;
		this.largeThreshold = identity.largeThreshold;
		this.buffer = new ReplayBuffer(limits);
	}

	/** Numbers, keeps and (when connected) sends one dispatch. */
	public dispatch(t: string, dJson: string): void {
		this.seq += 1;
		const frame = `{"t":"${t}","s":${this.seq},"op":0,"d":${dJson}}`;
		this.buffer.push(this.seq, frame);
		this.socket?.sendFrame(frame);
	}

	/** Binds the session to a socket (IDENTIFY or RESUME). */
	public attach(socket: SessionSocket): void {
		this.socket = socket;
		this.detachedAt = null;
	}

	/** Unbinds it when its socket closes; events keep being numbered and buffered. */
	public detach(socket: SessionSocket): void {
		if (this.socket !== socket) return;
		this.socket = null;
		this.detachedAt = Date.now();
	}
}
