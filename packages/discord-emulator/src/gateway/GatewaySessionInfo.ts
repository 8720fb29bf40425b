/** A gateway session as the control API lists it. */
export interface GatewaySessionInfo {
	readonly id: string;
	readonly shardId: number;
	readonly shardCount: number;
	readonly intents: number;
	/** The last sequence number dispatched. */
	readonly seq: number;
	/** A socket is attached; otherwise the session waits to be resumed. */
	readonly connected: boolean;
	/** Dispatches held for replay. */
	readonly buffered: number;
}

/** Which sockets or sessions a gateway fault hits; every one when `shardId` is omitted. */
export interface ShardSelector {
	readonly shardId?: number | undefined;
}
