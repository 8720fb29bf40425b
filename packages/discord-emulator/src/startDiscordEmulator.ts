import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { serveAttachment } from './attachments/serveAttachment.js';
import { ControlHttp } from './control/ControlHttp.js';
import { EmulatorControl } from './control/EmulatorControl.js';
import { EventFeed } from './control/EventFeed.js';
import type { UserInfo } from './control/infoViews.js';
import { userInfo } from './control/infoViews.js';
import { GatewayServer } from './gateway/GatewayServer.js';
import { serveAvatar } from './playground/serveAvatar.js';
import { servePlayground } from './playground/servePlayground.js';
import { FaultInjector } from './ratelimits/FaultInjector.js';
import { type BucketLimit, RateLimitBuckets } from './ratelimits/RateLimitBuckets.js';
import { RestApi } from './rest/RestApi.js';
import { RestStats } from './rest/RestStats.js';
import { allRoutes } from './rest/routes/allRoutes.js';
import { EmulatorStore } from './state/EmulatorStore.js';
import { DefaultSeedSize, type SeededWorld, type SeedSize, seedWorld } from './state/seedWorld.js';

/** Options of {@link startDiscordEmulator}. */
export interface DiscordEmulatorOptions {
	/** 0 (default) picks a free port. */
	readonly port?: number;
	/** `127.0.0.1` by default; `::` listens on IPv6 and IPv4. */
	readonly host?: string;
	/** Seed the default world (true, default), nothing (false), or a size such as `{ guilds: 1000, channelsPerGuild: 50, membersPerGuild: 100 }`. */
	readonly seed?: boolean | Partial<SeedSize>;
	/** The shard count `GET /gateway/bot` recommends. */
	readonly shards?: number;
	/** The bot token clients must log in with; a random, real-looking one by default. */
	readonly token?: string;
	/** HELLO's heartbeat interval; Discord uses 41,250 ms, tests use less. */
	readonly heartbeatIntervalMs?: number;
	readonly botUsername?: string;
	/** How long an interaction accepts its first response (Discord: 3,000 ms). */
	readonly interactionCallbackTimeoutMs?: number;
	/** The per-route bucket every route gets unless `routeRateLimits` names it. */
	readonly rateLimit?: BucketLimit;
	/** Buckets by route label, e.g. `{ 'POST /channels/:channelId/messages': { limit: 5, windowMs: 5000 } }`. */
	readonly routeRateLimits?: Readonly<Record<string, BucketLimit>>;
	/** Dispatches kept per session for RESUME. */
	readonly replayBuffer?: { readonly maxEvents: number; readonly maxBytes: number };
	/** How long a session without a socket stays resumable. */
	readonly resumeWindowMs?: number;
	/** Intent bits the application is "not approved" for; IDENTIFY with them closes with 4014. */
	readonly disallowedIntents?: number;
	readonly maxMessagesPerChannel?: number;
	/** `session_start_limit.max_concurrency`: how many shards may IDENTIFY at once. */
	readonly maxConcurrency?: number;
}

/** Defaults of {@link DiscordEmulatorOptions}. */
export const DefaultDiscordEmulatorOptions = {
	port: 0,
	host: '127.0.0.1',
	shards: 1,
	heartbeatIntervalMs: 41_250,
	botUsername: 'Charbot',
	interactionCallbackTimeoutMs: 3000,
	rateLimit: { limit: 50, windowMs: 1000 },
	replayBuffer: { maxEvents: 5000, maxBytes: 16 * 1024 * 1024 },
	resumeWindowMs: 5 * 60_000,
	disallowedIntents: 0,
	maxMessagesPerChannel: 1000,
	maxConcurrency: 16,
} as const;

/** A running emulator. */
export interface DiscordEmulator {
	/** `http://127.0.0.1:PORT/api`, for discord.js's `rest.api`. */
	readonly apiUrl: string;
	/** The playground page. */
	readonly url: string;
	readonly gatewayUrl: string;
	/** The bot token to log in with. */
	readonly token: string;
	readonly applicationId: string;
	readonly botUser: UserInfo;
	readonly port: number;
	readonly control: EmulatorControl;
	/** Ids of the seeded world, or null when started with `seed: false`. */
	readonly seed: SeededWorld | null;
	/** Closes sockets, streams and the HTTP server. */
	close(): Promise<void>;
}

/** Starts the emulator: REST v10 under `/api`, the gateway at `/gateway`, the control API under `/_emu/` and the playground at `/`. */
export async function startDiscordEmulator(options: DiscordEmulatorOptions = {}): Promise<DiscordEmulator> {
	const settings = { ...DefaultDiscordEmulatorOptions, ...options };
	const store = new EmulatorStore({ botUsername: settings.botUsername, maxMessagesPerChannel: settings.maxMessagesPerChannel, maxInteractions: 10_000 });
	const token = options.token ?? makeBotToken(store.bot.id);
	const seedSize =
		settings.seed === false ? null : settings.seed === true || settings.seed === undefined ? DefaultSeedSize : { ...DefaultSeedSize, ...settings.seed };
	const seed = seedSize ? seedWorld(store, seedSize) : null;

	// The server listens first (to learn its port); its handlers are set once the parts that need the port exist.
	const routes: {
		handler?: (request: IncomingMessage, response: ServerResponse) => void;
		upgrade?: (request: IncomingMessage, socket: Duplex, head: Buffer) => void;
	} = {};
	const server = createServer((request, response) => {
		if (routes.handler) return routes.handler(request, response);
		response.writeHead(503).end();
	});
	server.on('upgrade', (request, socket, head) => (routes.upgrade ? routes.upgrade(request, socket, head) : socket.destroy()));
	await listen(server, settings.port, settings.host);
	const { port } = server.address() as AddressInfo;
	const host = settings.host === '::' || settings.host === '0.0.0.0' ? '127.0.0.1' : settings.host.includes(':') ? `[${settings.host}]` : settings.host;
	const base = `http://${host}:${port}`;
	const gatewayUrl = `ws://${host}:${port}/gateway`;

	const gateway = new GatewayServer(store, {
		token,
		heartbeatIntervalMs: settings.heartbeatIntervalMs,
		url: gatewayUrl,
		replayBuffer: settings.replayBuffer,
		resumeWindowMs: settings.resumeWindowMs,
		disallowedIntents: settings.disallowedIntents,
	});
	const faults = new FaultInjector();
	const restStats = new RestStats();
	const routeLimits = options.routeRateLimits ?? {};
	const rest = new RestApi({
		store,
		token,
		routes: allRoutes,
		faults,
		stats: restStats,
		buckets: new RateLimitBuckets((label) => routeLimits[label] ?? settings.rateLimit),
		env: {
			apiBaseUrl: `${base}/api/v10`,
			gatewayUrl,
			shardCount: settings.shards,
			maxConcurrency: settings.maxConcurrency,
			callbackTimeoutMs: settings.interactionCallbackTimeoutMs,
			identifyCount: () => gateway.stats().identifies,
		},
	});
	const control = new EmulatorControl(store, gateway, faults, restStats, base);
	const feed = new EventFeed(store);
	const controlHttp = new ControlHttp(control, { apiUrl: `${base}/api`, gatewayUrl, url: `${base}/`, applicationId: store.applicationId, seed });

	routes.handler = (request, response) => {
		route(request, response).catch((error: unknown) => {
			console.error(`discord-emulator: ${request.method} ${request.url} failed`, error);
			if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' }).end('{"message":"500: Internal Server Error","code":0}');
			else response.end();
		});
	};
	routes.upgrade = (request, socket, head) => {
		const url = new URL(request.url ?? '/', base);
		if (url.pathname === '/gateway' || url.pathname === '/gateway/') gateway.handleUpgrade(request, socket, head, url.searchParams);
		else socket.destroy();
	};

	async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const url = new URL(request.url ?? '/', base);
		const path = url.pathname;
		const api = /^\/api\/v(9|10)(\/.*)$/.exec(path);
		if (api) return rest.handle(request, response, api[2] ?? '/', url.searchParams);
		if (path === '/_emu/events') return feed.attach(response);
		if (request.method === 'GET' && (serveAvatar(store, path, url.searchParams, response) || serveAttachment(store, path, response))) return;
		if (path.startsWith('/_emu/')) return controlHttp.handle(request, response, path.slice('/_emu'.length), url.searchParams);
		if (request.method === 'GET' && (await servePlayground(path, response))) return;
		request.resume();
		response.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"404: Not Found","code":0}');
	}

	return {
		apiUrl: `${base}/api`,
		url: `${base}/`,
		gatewayUrl,
		token,
		applicationId: store.applicationId,
		botUser: userInfo(store.bot),
		port,
		control,
		seed,
		close: async () => {
			feed.close();
			await gateway.close();
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
		},
	};
}

/** A token shaped like Discord's: base64 of the bot id, a timestamp part and an HMAC-like part. */
function makeBotToken(botId: string): string {
	return `${Buffer.from(botId).toString('base64url')}.${randomBytes(4).toString('base64url')}.${randomBytes(28).toString('base64url')}`;
}

function listen(server: Server, port: number, host: string): Promise<void> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen({ port, host, ipv6Only: false }, () => {
			server.off('error', reject);
			resolve();
		});
	});
}
