import { createLogger, loadConfig, type Logger } from '@charbot/core';
import { type OllamaSim, type OllamaSimOptions, startOllamaSim } from '@charbot/ollama-sim';
import { type RedisServer, startRedisServer, uniquePrefix } from '@charbot/testkit';
import { Ollama } from 'ollama';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { type LlmService, type LlmServiceOptions, startLlmService } from '../../apps/llm-service/src/startLlmService.js';

/** A silent logger for tests. */
export const testLogger: Logger = createLogger({ name: 'llm-service-test', level: 'silent', format: 'json' });

/** The model every simulator serves. */
export const model = 'llama3.2:1b';

/** A running service over real simulators, and the clients to reach it. */
export interface ServiceFixture {
	readonly service: LlmService;
	readonly sims: readonly OllamaSim[];
	/** The official Ollama client pointed at the service. */
	readonly ollama: Ollama;
	/** Calls the service and reads the answer (parsed when it is JSON; the type is the caller's claim). */
	call<Body = Record<string, unknown>>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer<Body>>;
	close(): Promise<void>;
}

/** A status, headers and body. */
export interface Answer<Body> {
	readonly status: number;
	readonly headers: Headers;
	readonly body: Body;
}

/** Options of {@link startServiceFixture}. */
export interface ServiceFixtureOptions {
	readonly sims?: number;
	readonly sim?: OllamaSimOptions;
	/** The response cache (a real redis-server); no cache when absent. */
	readonly redisUrl?: string;
	/** More settings, as environment strings. */
	readonly env?: Record<string, string>;
	readonly service?: Partial<Omit<LlmServiceOptions, 'config' | 'logger'>>;
}

/** Starts simulators and the service on a free port, with the pool made from the environment as in production. */
export async function startServiceFixture(options: ServiceFixtureOptions = {}): Promise<ServiceFixture> {
	const sims = await Promise.all(
		Array.from({ length: options.sims ?? 1 }, (_, index) =>
			startOllamaSim({
				name: `sim-${index}`,
				models: [model],
				preloaded: true,
				tokensPerSecond: 2000,
				timeToFirstTokenMs: 5,
				replyTokens: 12,
				numParallel: 4,
				...options.sim,
			}),
		),
	);
	const config = loadConfig({
		OLLAMA_BASE_URL: (sims[0] as OllamaSim).url,
		OLLAMA_HOSTS: sims.map((sim) => sim.url).join(','),
		OLLAMA_MODEL: model,
		ALLOW_SIMULATED_PARTS: 'true',
		HEALTH_PORT: '0',
		REDIS_KEY_PREFIX: uniquePrefix('llmsvc'),
		LOG_LEVEL: 'silent',
		...(options.redisUrl === undefined ? {} : { CACHE_REDIS_URL: options.redisUrl }),
		...options.env,
	});
	const service = await startLlmService({ config, logger: testLogger, ...options.service });
	return {
		service,
		sims,
		ollama: new Ollama({ host: service.url }),
		call: async <Body>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<Body>> => {
			const response = await fetch(`${service.url}${path}`, {
				method,
				headers: { 'content-type': 'application/json', ...headers },
				...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
			});
			const text = await response.text();
			const isJson = response.headers.get('content-type')?.includes('application/json') === true;
			return { status: response.status, headers: response.headers, body: (isJson ? JSON.parse(text) : text) as Body };
		},
		close: async () => {
			await service.close();
			await Promise.all(sims.map((sim) => sim.close()));
		},
	};
}

/** Chat requests a simulator received. */
export function chatRequests(sim: OllamaSim | undefined): number {
	return sim?.stats().requests.byEndpoint['/api/chat'] ?? 0;
}

/** The ollama client's thrown error (its `ResponseError` class is not exported). */
export interface ClientError extends Error {
	status_code?: number;
}

/** Awaits a promise that must reject and returns what it threw. */
export async function captureError(promise: Promise<unknown>): Promise<ClientError> {
	try {
		await promise;
	} catch (error) {
		return error as ClientError;
	}
	throw new Error('expected the call to fail, but it succeeded');
}

/** A test file's services: one private redis-server for the file, and each test's service closed after it. */
export interface ServiceFixtures {
	/** The file's redis-server, for the response cache. */
	redisUrl(): string;
	/** Starts a service for the running test; it is closed when the test ends. */
	start(options?: ServiceFixtureOptions): Promise<ServiceFixture>;
}

/** Registers the hooks every LLM service test file needs and returns how to start its services. */
export function useServiceFixtures(): ServiceFixtures {
	let redis: RedisServer | undefined;
	let current: ServiceFixture | undefined;
	beforeAll(async () => {
		redis = await startRedisServer({ maxmemoryPolicy: 'allkeys-lru' });
	});
	afterAll(async () => {
		await redis?.close();
	});
	afterEach(async () => {
		await current?.close();
		current = undefined;
	});
	return {
		redisUrl: () => {
			if (!redis) throw new Error('the redis-server of this test file has not started');
			return redis.url;
		},
		start: async (options) => {
			current = await startServiceFixture(options);
			return current;
		},
	};
}
