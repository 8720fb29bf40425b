import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The knobs the compose test sets beside the secrets. */
export interface ComposeEnvOptions {
	/** Host port of the LLM service's published API (free on this machine). */
	readonly llmServicePort: number;
	/** Where the charbot image and the build-stage image are tagged, so a developer's charbot:local stays as it was. */
	readonly image: string;
	readonly devImage: string;
}

/** The .env of one test run: fresh passwords and tokens, written to `dir` (mode 0600), never to the repository. */
export async function writeComposeEnv(dir: string, options: ComposeEnvOptions): Promise<{ path: string; values: Record<string, string> }> {
	const secret = () => randomBytes(24).toString('hex');
	const values: Record<string, string> = {
		REDIS_ADMIN_PASSWORD: secret(),
		REDIS_GATEWAY_PASSWORD: secret(),
		REDIS_ROUTER_PASSWORD: secret(),
		REDIS_QC_PASSWORD: secret(),
		REDIS_DELIVERY_PASSWORD: secret(),
		REDIS_LLM_SERVICE_PASSWORD: secret(),
		// The emulator accepts whatever token it is started with (EMULATOR_BOT_TOKEN, test/compose/docker-compose.test.yaml).
		DISCORD_TOKEN: `emulated.${secret()}`,
		WEBHOOK_TOKEN_KEY: randomBytes(32).toString('base64'),
		LLM_SERVICE_ADMIN_TOKEN: secret(),
		LLM_SERVICE_BIND: '127.0.0.1',
		LLM_SERVICE_PORT: String(options.llmServicePort),
		CHARBOT_IMAGE: options.image,
		CHARBOT_DEV_IMAGE: options.devImage,
		// Few jobs per router, so that every replica takes some, and a killed router's jobs come back within seconds.
		WORKER_CONCURRENCY: '4',
		WORKER_LOCK_SECONDS: '10',
	};
	const path = join(dir, 'compose-test.env');
	await writeFile(
		path,
		`${Object.entries(values)
			.map(([key, value]) => `${key}=${value}`)
			.join('\n')}\n`,
		{ mode: 0o600 },
	);
	return { path, values };
}
