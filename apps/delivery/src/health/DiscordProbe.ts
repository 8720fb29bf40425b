import { type CheckResult, type Logger, StartupError } from '@charbot/core';
import { DiscordAPIError, type REST } from '@discordjs/rest';
import { Routes } from 'discord.js';

/** Least time between two probes after a failure, so a readiness poller cannot hammer Discord. */
const reprobeAfterMs = 30_000;

/**
 * Whether Discord's REST API answers our token: `GET /users/@me` once at start; after a failure, again when
 * readiness is asked (at most every 30 s), so a process that started during an outage becomes ready.
 */
export class DiscordProbe {
	#last: CheckResult = { ok: false, detail: 'not probed yet' };
	#at = 0;
	#running: Promise<CheckResult> | undefined;

	public constructor(
		private readonly rest: REST,
		private readonly logger: Logger,
	) {}

	/** Probes now; a 401 (a bad token) is fatal and throws, anything else is a failed check. */
	public async probe(): Promise<CheckResult> {
		this.#running ??= this.#request().finally(() => {
			this.#running = undefined;
		});
		return this.#running;
	}

	/** The readiness check of the health server. */
	public readonly check = async (): Promise<CheckResult> => {
		if (!this.#last.ok && Date.now() - this.#at >= reprobeAfterMs) void this.probe().catch(() => undefined);
		return this.#last;
	};

	async #request(): Promise<CheckResult> {
		this.#at = Date.now();
		try {
			const me = (await this.rest.get(Routes.user('@me'))) as { username?: unknown };
			this.#last = { ok: true, detail: `signed in as ${String(me.username)}` };
		} catch (error) {
			if (error instanceof DiscordAPIError && error.status === 401)
				throw new StartupError('Discord refused DISCORD_TOKEN (401 Unauthorized); check the bot token', { cause: error });
			const detail = `Discord REST is unreachable: ${error instanceof Error ? error.message : String(error)}`;
			this.logger.error({ err: error }, detail);
			this.#last = { ok: false, detail };
		}
		return this.#last;
	}
}
