import { z } from 'zod';
import { clusterNodesSchema } from '../redis/clusterNodesSchema.js';

/** How one environment variable is validated and documented. */
export interface SettingDefinition {
	/** The zod schema applied to the raw string (or undefined when unset). */
	readonly schema: z.ZodType;
	/** One sentence for the README's configuration table. */
	readonly description: string;
	/** A valid value shown in error messages and docs. */
	readonly example: string;
	/** Secrets are never echoed back in errors or logs. */
	readonly secret?: boolean;
}

const positiveInt = () => z.coerce.number({ error: 'must be a number' }).int('must be a whole number').positive('must be greater than 0');
const nonNegativeInt = () => z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'must be 0 or more');
const port = () => z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'must be 0-65535').max(65535, 'must be 0-65535');
const booleanFlag = () =>
	z
		.enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
		.transform((value) => value === 'true' || value === '1' || value === 'yes');

const urlWithProtocols = (protocols: readonly string[]) =>
	z.string().refine(
		(value) => {
			try {
				return protocols.includes(new URL(value).protocol.replace(/:$/, ''));
			} catch {
				return false;
			}
		},
		{ error: `must be a URL starting with ${protocols.map((protocol) => `${protocol}://`).join(' or ')}` },
	);

const redisUrl = () => urlWithProtocols(['redis', 'rediss']);
const httpUrl = () => urlWithProtocols(['http', 'https']);

/** Every environment variable charbot reads, in one place; nothing else reads `process.env`. */
export const settingDefinitions = {
	NODE_ENV: {
		schema: z.enum(['development', 'production', 'test']).default('development'),
		description: 'Runtime mode; `production` refuses simulated or emulated parts.',
		example: 'production',
	},
	LOG_LEVEL: {
		schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
		description: 'Lowest log level written.',
		example: 'info',
	},
	LOG_FORMAT: {
		schema: z.enum(['auto', 'json', 'pretty']).default('auto'),
		description:
			'`json` (one object a line), `pretty` (coloured lines for people) or `auto`: pretty when standard output is a terminal. `npm start` renders every app this way.',
		example: 'json',
	},
	REDIS_URL: {
		schema: redisUrl().optional(),
		description: 'Redis for the BullMQ queues (needs `maxmemory-policy noeviction`). `npm start` starts a private one when unset.',
		example: 'redis://localhost:6379',
		secret: true,
	},
	CACHE_REDIS_URL: {
		schema: redisUrl().optional(),
		description: 'KeyDB/Redis for the LLM response cache; may be a different server. Defaults to `REDIS_URL`.',
		example: 'redis://keydb:6379',
		secret: true,
	},
	REDIS_CLUSTER_NODES: {
		schema: clusterNodesSchema.optional(),
		description:
			'A Redis Cluster for the queues and state, `host:port` comma-separated (some or all of its nodes); user, password and TLS still come from `REDIS_URL`. Unset: `REDIS_URL` is one server.',
		example: 'redis-0:6379,redis-1:6379,redis-2:6379',
	},
	CACHE_REDIS_CLUSTER_NODES: {
		schema: clusterNodesSchema.optional(),
		description:
			"A Redis Cluster for the LLM response cache, like `REDIS_CLUSTER_NODES`, with user, password and TLS from `CACHE_REDIS_URL` (which it needs). Without `CACHE_REDIS_URL` the cache uses the queues' server or cluster.",
		example: 'cache-0:6379,cache-1:6379,cache-2:6379',
	},
	REDIS_KEY_PREFIX: {
		schema: z
			.string()
			.regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, 'must be 1-32 lowercase letters, digits, _ or -')
			.default('charbot'),
		description: 'Namespace for every Redis key and queue, so several deployments can share one server.',
		example: 'charbot',
	},
	DISCORD_TOKEN: {
		schema: z
			.string()
			.min(20, 'is too short to be a bot token')
			.regex(/^[\w.-]+$/, 'may hold only letters, digits, ".", "_" and "-" (no "Bot " prefix, no quotes)')
			.optional(),
		description: 'Bot token from the Discord developer portal. Unset: `npm start` runs the local Discord emulator.',
		example: '<your bot token>',
		secret: true,
	},
	DISCORD_REGISTER_COMMANDS: {
		schema: z.enum(['auto', 'global', 'off']).default('auto'),
		description:
			'Whether the gateway registers the slash commands on start: `auto` only with the emulator, `global` always (idempotent), `off` never (use `npm run commands:deploy`).',
		example: 'global',
	},
	DISCORD_API_URL: {
		schema: httpUrl().optional(),
		description: 'REST base for discord.js (the emulator sets it locally); leave unset for real Discord.',
		example: 'http://127.0.0.1:4100/api',
	},
	DISCORD_SHARD_COUNT: {
		schema: positiveInt().optional(),
		description: 'Total shards of the bot across every gateway replica; unset: one process holds every shard (discord.js defaults).',
		example: '4',
	},
	DISCORD_SHARD_IDS: {
		schema: z
			.string()
			.regex(/^\d+(\s*,\s*\d+)*$/, 'must be a comma-separated list of shard numbers')
			.transform((value) => [...new Set(value.split(',').map((id) => Number(id.trim())))])
			.optional(),
		description: 'The shards this gateway replica connects, each below `DISCORD_SHARD_COUNT` (which it requires); unset: all of them.',
		example: '0,1',
	},
	OLLAMA_BASE_URL: {
		schema: httpUrl().default('http://localhost:11434'),
		description: 'The Ollama host when only one is used.',
		example: 'http://ollama:11434',
	},
	OLLAMA_HOSTS: {
		schema: z.string().optional(),
		description:
			'Comma-separated model hosts; when set, used instead of `OLLAMA_BASE_URL`. Ollama hosts as URLs with no path; OpenAI-compatible servers (vLLM, llama.cpp, LM Studio, hosted APIs) with the `openai+` prefix and their API base (`/v1` when no path is given).',
		example: 'http://ollama-1:11434,openai+http://vllm-1:8000/v1',
	},
	OPENAI_API_KEY: {
		schema: z.string().min(1, 'must not be empty').optional(),
		description:
			'API key sent to the OpenAI-compatible hosts (`Authorization: Bearer`), unless a roles-file host names its own in `apiKeyEnv`; never sent to Ollama hosts.',
		example: '<your API key>',
		secret: true,
	},
	OLLAMA_MODEL: {
		schema: z.string().min(1, 'must not be empty').default('llama3.2:1b'),
		description: 'Model for every role unless a roles file says otherwise.',
		example: 'llama3.2:1b',
	},
	OLLAMA_VISION_MODEL: {
		schema: z.string().min(1, 'must not be empty').optional(),
		description:
			'Vision model that reads the images members post (the `vision` role; a roles file may set it instead); unset: characters only learn that a picture was posted.',
		example: 'llava:7b',
	},
	OLLAMA_ROLES_FILE: {
		schema: z.string().optional(),
		description:
			"Optional YAML file of hosts (kind, weight, labels, `maxParallel`, `apiKeyEnv`, the host's own model names) and roles (chat, judge, escalation, vision).",
		example: 'config/ollama-roles.yaml',
	},
	LLM_BALANCING: {
		schema: z.enum(['least-loaded', 'round-robin']).default('least-loaded'),
		description: 'How requests are spread over Ollama hosts; `round-robin` is the baseline kept for comparison.',
		example: 'least-loaded',
	},
	MAX_CONCURRENT_REQUESTS: {
		schema: positiveInt().optional(),
		description:
			"Fixed cap on parallel requests this process sends to each model host (a host's `maxParallel` in the roles file first); unset (the default), each host's limit adapts to its time to first token, from 4 up to its `maxParallel` or 256.",
		example: '4',
	},
	REQUEST_TIMEOUT: {
		schema: positiveInt().default(120),
		description: 'Total deadline of one LLM request, in seconds.',
		example: '120',
	},
	LLM_OUTAGE_PATIENCE: {
		schema: positiveInt().max(86_400, 'must be 86400 or less').default(900),
		description:
			'Seconds a message waits for an Ollama host while none can serve (its retries are not counted meanwhile); members get one "resting" notice per channel, then an apology if none comes back in time.',
		example: '900',
	},
	REDIS_OUTAGE_PATIENCE: {
		schema: positiveInt().max(3600, 'must be 3600 or less').default(120),
		description:
			"Seconds the gateway holds members' messages that arrived while Redis was unreachable (at most 5,000), handling them once it answers; after that, the member is asked to send it again.",
		example: '120',
	},
	LLM_RESPONSE_CACHE_TTL: {
		schema: nonNegativeInt().default(3600),
		description: 'Seconds a cached LLM response lives; 0 turns the cache off.',
		example: '3600',
	},
	CACHE_MAX_SIZE: {
		schema: positiveInt().default(10000),
		description: 'Most responses kept in the cache; the least recently used go first.',
		example: '10000',
	},
	HEALTH_CHECK_INTERVAL: {
		schema: positiveInt().default(30),
		description: 'Seconds between Ollama host health checks.',
		example: '30',
	},
	HEALTH_HOST: {
		schema: z.string().min(1).default('::'),
		description: 'Address the health/metrics server binds; `::` is dual-stack (IPv6 and IPv4).',
		example: '::',
	},
	HEALTH_PORT: {
		schema: port().default(8080),
		description: 'Port of `/healthz`, `/readyz` and `/metrics`; 0 picks a free one.',
		example: '8080',
	},
	SHUTDOWN_TIMEOUT: {
		schema: positiveInt().default(15),
		description: 'Seconds a stopping process waits for active work before it exits anyway.',
		example: '15',
	},
	CHARACTERS_DIR: {
		schema: z.string().min(1).default('characters'),
		description: 'Folder of persona files; a relative path is taken from the repository root.',
		example: 'characters',
	},
	GATEWAY_SPOOL_DIR: {
		schema: z.string().min(1).default('data/gateway'),
		description:
			"Folder where the gateway writes down members' messages it holds while Redis is away (one file per Redis prefix and shard set), so a gateway killed meanwhile handles them when it starts again; a relative path is taken from the repository root. Give it a volume in containers.",
		example: 'data/gateway',
	},
	WORKER_CONCURRENCY: {
		schema: positiveInt().max(1000, 'must be 1000 or less').default(32),
		description: "Jobs one worker process handles at once; LLM calls wait in the pool, so this can exceed the hosts' slots.",
		example: '32',
	},
	WORKER_LOCK_SECONDS: {
		schema: positiveInt().max(600, 'must be 600 or less').default(30),
		description: "How long a job stays locked to a worker without a heartbeat; a killed worker's jobs are retried after about this long.",
		example: '30',
	},
	QC_MAX_ATTEMPTS: {
		schema: positiveInt().max(10, 'must be 10 or less').default(3),
		description: 'Replies generated with the chat model before quality control escalates to the escalation model.',
		example: '3',
	},
	QC_JUDGE_TIMEOUT_MS: {
		schema: positiveInt().max(600_000, 'must be 600000 or less').default(8000),
		description:
			'Milliseconds quality control waits for the LLM judge (channel setting `judge`); a judge that is slower, errs or answers malformed JSON leaves the decision to the rules.',
		example: '8000',
	},
	DISCORD_GLOBAL_RATE_LIMIT: {
		schema: positiveInt().max(100_000, 'must be 100000 or less').default(50),
		description:
			"Requests per second Discord allows this bot across all routes (50 unless Discord raised it for you); each process's Discord client stays under it.",
		example: '50',
	},
	DELIVERY_RATE_LIMIT: {
		schema: positiveInt().max(100_000, 'must be 100000 or less').default(40),
		description:
			"Replies delivered per second across every delivery replica (BullMQ's queue-wide limiter), below `DISCORD_GLOBAL_RATE_LIMIT`; Discord's per-route limits are honoured on top of it.",
		example: '40',
	},
	DEFAULT_CHARACTER: {
		schema: z
			.string()
			.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a character id')
			.default('peter'),
		description: 'Character that answers a bare bot mention or a DM that names nobody.',
		example: 'peter',
	},
	DMS_ENABLED: {
		schema: booleanFlag().default(true),
		description:
			'Whether the characters answer direct messages; `false` answers a DM with one short note a day per member that they only talk in servers, and generates nothing.',
		example: 'true',
	},
	GENERATION_BUDGET_WINDOW: {
		schema: positiveInt().max(86_400, 'must be 86400 or less').default(600),
		description: "Seconds of the generation budgets' window; each member's and each server's window starts with its first generation in it.",
		example: '600',
	},
	MEMBER_GENERATION_BUDGET: {
		schema: nonNegativeInt().max(1_000_000, 'must be 1000000 or less').default(60),
		description:
			'Generations one member may cause per window, across every server and DM: one per character a message or `/ask` calls, one per regeneration (review, escalation, 🔄); past it their messages get ⏳ (a short note the first time). 0 turns it off.',
		example: '60',
	},
	GUILD_GENERATION_BUDGET: {
		schema: nonNegativeInt().max(10_000_000, 'must be 10000000 or less').default(1200),
		description:
			"Generations one server's members may cause per window, counted like `MEMBER_GENERATION_BUDGET`; size it to your Ollama hosts' share for one server. 0 turns it off.",
		example: '1200',
	},
	LLM_SERVICE_HOST: {
		schema: z.string().min(1).default('127.0.0.1'),
		description:
			'Address the LLM service binds; loopback by default, so only this machine reaches it. `0.0.0.0` or `::` (compose sets `0.0.0.0`) listens on every interface.',
		example: '127.0.0.1',
	},
	LLM_SERVICE_ADMIN_TOKEN: {
		schema: z.string().min(16, 'must be at least 16 characters').optional(),
		description:
			"Bearer token of the LLM service's admin routes (`/validate-model`, `/cache/clear`); unset, they answer 403. Required when `NODE_ENV=production`.",
		example: '<a long random string>',
		secret: true,
	},
	LLM_SERVICE_TOKEN: {
		schema: z.string().min(16, 'must be at least 16 characters').optional(),
		description:
			"Bearer token the LLM service's generation routes (`/generate` and the Ollama-compatible `/api/*`) require when set; the admin token is accepted there too. Unset leaves them open to whoever reaches the service.",
		example: '<a long random string>',
		secret: true,
	},
	QUEUE_DASHBOARD_USER: {
		schema: z.string().min(12, 'must be at least 12 characters').optional(),
		description: 'User name of the queue dashboard the LLM service serves at `/admin/queues`; set with `QUEUE_DASHBOARD_PASSWORD`, unset keeps it off.',
		example: '<a long random string>',
		secret: true,
	},
	QUEUE_DASHBOARD_PASSWORD: {
		schema: z.string().min(12, 'must be at least 12 characters').optional(),
		description: 'Password of the queue dashboard (HTTP basic auth); set with `QUEUE_DASHBOARD_USER`, unset keeps it off.',
		example: '<a long random string>',
		secret: true,
	},
	QUEUE_DASHBOARD_WRITES: {
		schema: booleanFlag().default(false),
		description:
			'Lets the queue dashboard change queues (retry, remove, promote, pause); off, it only shows them. Adding jobs and editing their data stay refused either way.',
		example: 'false',
	},
	WEBHOOK_TOKEN_KEY: {
		schema: z
			.string()
			.refine((value) => Buffer.from(value, 'base64').length === 32 && /^[A-Za-z0-9+/_-]{43}=?$/.test(value), {
				error: 'must be 32 random bytes in base64 (`openssl rand -base64 32`)',
			})
			.optional(),
		description:
			'Key (32 bytes, base64) delivery seals channel webhook tokens with (AES-256-GCM) before caching them in Redis; only delivery gets it. Required in production; unset elsewhere, each run makes one up and tokens are fetched from Discord again after a restart.',
		example: '<openssl rand -base64 32>',
		secret: true,
	},
	EMULATOR_PORT: {
		schema: port().default(3210),
		description: 'Port of the local Discord emulator and its playground page that `npm start` runs when `DISCORD_TOKEN` is unset; 0 picks a free one.',
		example: '3210',
	},
	ALLOW_SIMULATED_PARTS: {
		schema: booleanFlag().default(false),
		description:
			'Lets a process accept the Ollama simulator or Discord emulator; set only by `npm start` and tests. Ignored when `NODE_ENV=production`, which refuses them.',
		example: 'false',
	},
} as const satisfies Record<string, SettingDefinition>;

/** The name of an environment variable charbot reads. */
export type SettingName = keyof typeof settingDefinitions;

/** The parsed settings, typed from their schemas. */
export type Config = { readonly [Name in SettingName]: z.output<(typeof settingDefinitions)[Name]['schema']> };
