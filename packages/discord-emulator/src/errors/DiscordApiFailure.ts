import { DiscordErrorCodes, DiscordErrorMessages } from './DiscordErrorCodes.js';

/** One entry of a 50035 error tree, e.g. `{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }`. */
export interface FieldError {
	readonly code: string;
	readonly message: string;
}

/** The JSON body of a Discord error response. */
export interface DiscordErrorBody {
	readonly code: number;
	readonly message: string;
	readonly errors?: Record<string, unknown>;
}

/** Thrown by REST handlers; the router turns it into a Discord-shaped error response. */
export class DiscordApiFailure extends Error {
	public readonly status: number;
	public readonly body: DiscordErrorBody;

	public constructor(status: number, code: number, message = DiscordErrorMessages[code] ?? 'Error', errors?: Record<string, unknown>) {
		super(`${status} ${message} (${code})`);
		this.name = 'DiscordApiFailure';
		this.status = status;
		this.body = errors === undefined ? { code, message } : { code, message, errors };
	}

	/** A 404 with one of the `Unknown ...` codes. */
	public static unknown(code: number): DiscordApiFailure {
		return new DiscordApiFailure(404, code);
	}

	/** A 403 Missing Permissions (50013). */
	public static missingPermissions(): DiscordApiFailure {
		return new DiscordApiFailure(403, DiscordErrorCodes.MissingPermissions);
	}

	/** A 400 Invalid Form Body (50035) with field errors keyed by dotted path, e.g. `{ 'embeds.0.title': [...] }`. */
	public static invalidFormBody(fields: Readonly<Record<string, readonly FieldError[]>>): DiscordApiFailure {
		const tree: Record<string, unknown> = {};
		for (const [path, errors] of Object.entries(fields)) {
			let node = tree;
			for (const part of path.split('.')) {
				node[part] ??= {};
				node = node[part] as Record<string, unknown>;
			}
			node._errors = errors;
		}
		return new DiscordApiFailure(400, DiscordErrorCodes.InvalidFormBody, 'Invalid Form Body', tree);
	}
}

/** Shorthand for a single field's 50035 error. */
export function invalidField(path: string, code: string, message: string): DiscordApiFailure {
	return DiscordApiFailure.invalidFormBody({ [path]: [{ code, message }] });
}
