import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { shardForGuild } from '../sharding/shardForGuild.js';
import type { EmulatorStore } from '../state/EmulatorStore.js';
import { checkIdentify } from './checkIdentify.js';
import type { Dispatch } from './Dispatch.js';
import { eventToDispatch, guildCreateDispatch, readyUser } from './eventToDispatch.js';
import { GatewayConnection, type GatewayHost, GatewayOpcodes } from './GatewayConnection.js';
import { GatewayCloseCodes } from './GatewayIntents.js';
import { GatewaySession } from './GatewaySession.js';
import type { GatewaySessionInfo, ShardSelector } from './GatewaySessionInfo.js';
import { GatewayStats, type GatewayStatsSnapshot } from './GatewayStats.js';
import { requestGuildMembers } from './requestGuildMembers.js';

/** Options of {@link GatewayServer}. */
export interface GatewayServerOptions {
	readonly token: string;
	readonly heartbeatIntervalMs: number;
	/** `ws://host:port/gateway`, sent as `resume_gateway_url`. */
	readonly url: string;
	readonly replayBuffer: { readonly maxEvents: number; readonly maxBytes: number };
	/** How long a session without a socket can still be resumed. */
	readonly resumeWindowMs: number;
	readonly disallowedIntents: number;
}

const guildCreateBatch = 50;

/** The gateway: accepts WebSocket upgrades, runs sessions, and routes every emulator event to the sessions of its shard. */
export class GatewayServer implements GatewayHost {
	public readonly heartbeatIntervalMs: number;
	readonly #store: EmulatorStore;
	readonly #options: GatewayServerOptions;
	readonly #wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
	readonly #sessions = new Map<string, GatewaySession>();
	readonly #connections = new Set<GatewayConnection>();
	readonly #stats = new GatewayStats();
	readonly #unsubscribe: () => void;
	readonly #sweeper: NodeJS.Timeout;

	public constructor(store: EmulatorStore, options: GatewayServerOptions) {
		this.#store = store;
		this.#options = options;
		this.heartbeatIntervalMs = options.heartbeatIntervalMs;
		this.#unsubscribe = store.subscribe((event) => {
			const dispatch = eventToDispatch(store, event);
			if (dispatch) this.#route(dispatch);
		});
		this.#sweeper = setInterval(() => this.#expireSessions(), Math.min(30_000, options.resumeWindowMs)).unref();
	}

	/** Takes over an HTTP upgrade request for the gateway path. */
	public handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, query: URLSearchParams): void {
		this.#wss.handleUpgrade(request, socket, head, (ws) => {
			this.#stats.connectionsOpened += 1;
			const connection = new GatewayConnection(ws, this);
			this.#connections.add(connection);
			const version = query.get('v');
			if (version !== null && version !== '10' && version !== '9') connection.close(GatewayCloseCodes.InvalidAPIVersion, 'Invalid API version');
			else if ((query.get('encoding') ?? 'json') !== 'json') connection.close(GatewayCloseCodes.DecodeError, 'The emulator speaks encoding=json only');
			else if (query.has('compress')) connection.close(GatewayCloseCodes.DecodeError, 'The emulator does not compress; connect without compress=');
		});
	}

	/** Handles IDENTIFY: checks it, starts a session, sends READY then a GUILD_CREATE per guild of the shard. */
	public identify(connection: GatewayConnection, data: Record<string, unknown>): void {
		const checked = checkIdentify(data, {
			token: this.#options.token,
			disallowedIntents: this.#options.disallowedIntents,
			guildsOnShard: (shardId, shardCount) => this.#guildIdsOnShard(shardId, shardCount).length,
		});
		if ('closeCode' in checked) {
			connection.close(checked.closeCode, checked.reason);
			return;
		}
		this.#stats.identifies += 1;
		const session = new GatewaySession({ id: randomBytes(16).toString('hex'), ...checked }, this.#options.replayBuffer);
		this.#sessions.set(session.id, session);
		connection.session = session;
		session.attach(connection);
		const guildIds = this.#guildIdsOnShard(session.shardId, session.shardCount);
		session.dispatch(
			'READY',
			JSON.stringify({
				v: 10,
				user_settings: {},
				user: readyUser(this.#store),
				guilds: guildIds.map((id) => ({ id, unavailable: true })),
				session_id: session.id,
				session_type: 'normal',
				resume_gateway_url: this.#options.url,
				relationships: [],
				private_channels: [],
				presences: [],
				guild_join_requests: [],
				geo_ordered_rtc_regions: ['local'],
				auth: {},
				application: { id: this.#store.applicationId, flags: 1 << 19 },
				shard: [session.shardId, session.shardCount],
				_trace: ['["discord-emulator",{"micros":0}]'],
			}),
		);
		this.#stats.dispatched += 1;
		this.#sendGuildCreates(session, guildIds, 0);
	}

	/** Handles RESUME: replays what the client missed and sends RESUMED, or answers INVALID_SESSION (false). */
	public resume(connection: GatewayConnection, data: Record<string, unknown>): void {
		const token = typeof data.token === 'string' ? data.token.replace(/^Bot\s+/i, '') : '';
		if (token !== this.#options.token) {
			connection.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
			return;
		}
		const session = this.#sessions.get(String(data.session_id));
		const missed = session && typeof data.seq === 'number' ? session.buffer.since(data.seq) : null;
		if (!session || !missed) {
			this.#stats.failedResumes += 1;
			if (session) this.#sessions.delete(session.id);
			this.#stats.invalidSessionsSent += 1;
			connection.sendOp(GatewayOpcodes.InvalidSession, false);
			return;
		}
		const previous = session.socket;
		if (previous && previous !== connection) {
			session.detach(previous);
			(previous as GatewayConnection).session = null;
			(previous as GatewayConnection).terminate();
		}
		connection.session = session;
		session.attach(connection);
		for (const frame of missed) connection.sendFrame(frame);
		this.#stats.resumes += 1;
		this.#stats.replayedEvents += missed.length;
		session.dispatch('RESUMED', '{"_trace":["[\\"discord-emulator\\",{\\"micros\\":0}]"]}');
	}

	/** Handles Request Guild Members (op 8) with GUILD_MEMBERS_CHUNK dispatches. */
	public requestGuildMembers(_connection: GatewayConnection, session: GatewaySession, data: Record<string, unknown>): void {
		const guildIds = Array.isArray(data.guild_id) ? data.guild_id.map(String) : [String(data.guild_id)];
		for (const guildId of guildIds) {
			if (shardForGuild(guildId, session.shardCount) !== session.shardId) continue;
			for (const chunk of requestGuildMembers(this.#store, guildId, data)) session.dispatch('GUILD_MEMBERS_CHUNK', JSON.stringify(chunk));
		}
	}

	/** Forgets a closed socket; a client closing with 1000/1001 ends its session, other codes leave it resumable. */
	public connectionClosed(connection: GatewayConnection, code: number): void {
		this.#connections.delete(connection);
		this.#stats.countClose(code);
		const session = connection.session;
		if (!session) return;
		session.detach(connection);
		if (code === 1000 || code === 1001) this.#sessions.delete(session.id);
	}

	/** Drops sockets without a close frame (or closes them with `code`); clients resume. Returns how many. */
	public dropSockets(selector: ShardSelector & { readonly code?: number | undefined } = {}): number {
		const targets = this.#select(selector);
		for (const connection of targets) {
			if (selector.code === undefined) connection.terminate();
			else connection.close(selector.code, 'Closed by the emulator control API');
		}
		return targets.length;
	}

	/** Sends op 7 Reconnect; discord.js then reconnects and resumes. Returns how many sockets were asked. */
	public requestReconnect(selector: ShardSelector = {}): number {
		const targets = this.#select(selector);
		for (const connection of targets) connection.sendOp(GatewayOpcodes.Reconnect, null);
		this.#stats.reconnectsRequested += targets.length;
		return targets.length;
	}

	/** Sends op 9 Invalid Session; not resumable ends the session, so the client must IDENTIFY again. */
	public invalidateSessions(selector: ShardSelector & { readonly resumable?: boolean | undefined } = {}): number {
		const targets = this.#select(selector);
		for (const connection of targets) {
			if (!selector.resumable && connection.session) {
				this.#sessions.delete(connection.session.id);
				connection.session = null;
			}
			connection.sendOp(GatewayOpcodes.InvalidSession, selector.resumable ?? false);
		}
		this.#stats.invalidSessionsSent += targets.length;
		return targets.length;
	}

	/** Sessions, connected or waiting to be resumed. */
	public sessions(): GatewaySessionInfo[] {
		return [...this.#sessions.values()].map((session) => ({
			id: session.id,
			shardId: session.shardId,
			shardCount: session.shardCount,
			intents: session.intents,
			seq: session.seq,
			connected: session.socket !== null,
			buffered: session.buffer.size,
		}));
	}

	/** Gateway counters. */
	public stats(): GatewayStatsSnapshot {
		return this.#stats.snapshot(this.#connections.size, this.#sessions.size);
	}

	/** Closes every socket (code 1001, going away) and stops listening to events. */
	public async close(): Promise<void> {
		this.#unsubscribe();
		clearInterval(this.#sweeper);
		for (const connection of this.#connections) connection.terminate();
		await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
	}

	#route(dispatch: Dispatch): void {
		for (const session of this.#sessions.values()) {
			if (dispatch.intents !== 0 && (session.intents & dispatch.intents) === 0) continue;
			if (shardForGuild(dispatch.guildId, session.shardCount) !== session.shardId) continue;
			session.dispatch(dispatch.t, dispatch.render(session));
			this.#stats.dispatched += 1;
		}
	}

	#sendGuildCreates(session: GatewaySession, guildIds: readonly string[], from: number): void {
		// Batches keep a 1,000-guild login from blocking the event loop for the whole READY burst.
		for (const guildId of guildIds.slice(from, from + guildCreateBatch)) {
			if (!this.#sessions.has(session.id)) return;
			const dispatch = guildCreateDispatch(this.#store, guildId);
			if (dispatch && (session.intents & dispatch.intents) !== 0) {
				session.dispatch(dispatch.t, dispatch.render(session));
				this.#stats.dispatched += 1;
			}
		}
		if (from + guildCreateBatch < guildIds.length) setImmediate(() => this.#sendGuildCreates(session, guildIds, from + guildCreateBatch));
	}

	#guildIdsOnShard(shardId: number, shardCount: number): string[] {
		return [...this.#store.guilds.keys()].filter((id) => shardForGuild(id, shardCount) === shardId);
	}

	#select(selector: ShardSelector): GatewayConnection[] {
		return [...this.#connections].filter((connection) => selector.shardId === undefined || connection.session?.shardId === selector.shardId);
	}

	#expireSessions(): void {
		const cutoff = Date.now() - this.#options.resumeWindowMs;
		for (const [id, session] of this.#sessions) if (session.detachedAt !== null && session.detachedAt < cutoff) this.#sessions.delete(id);
	}
}
