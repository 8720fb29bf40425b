import { UnrecoverableError } from 'bullmq';

/** Discord refused a request in a way no retry can fix (a 4xx other than 429); ends the job unrecoverably. */
export class DiscordRefusedError extends UnrecoverableError {
	public constructor(
		/** The route's label, e.g. `POST /webhooks/:id/:token`: never the URL, which may hold a token. */
		public readonly route: string,
		public readonly status: number,
		/** Discord's JSON error code, e.g. 50013. */
		public readonly code: number | string,
		detail: string,
	) {
		super(`Discord refused ${route}: ${detail} (code ${code}, HTTP ${status})`);
		this.name = 'DiscordRefusedError';
	}
}
