import type { FieldError } from '../errors/DiscordApiFailure.js';
import type { ParsedMentions } from './parseMentions.js';

/** The `allowed_mentions` object of a message body. */
export interface AllowedMentions {
	readonly parse?: readonly string[] | undefined;
	readonly users?: readonly string[] | undefined;
	readonly roles?: readonly string[] | undefined;
	readonly replied_user?: boolean | undefined;
}

/** Who a message actually notified. */
export interface PingedMentions {
	/** `@everyone` or `@here` pinged. */
	readonly everyone: boolean;
	readonly users: readonly string[];
	readonly roles: readonly string[];
}

/** Facts about the author and guild that decide whether a mention may ping. */
export interface PingContext {
	readonly parsed: ParsedMentions;
	readonly allowedMentions?: AllowedMentions | undefined;
	/** The author of the message replied to, pinged unless `replied_user` is false. */
	readonly repliedUserId?: string | null | undefined;
	/** The author has Mention Everyone (webhooks always do). */
	readonly canMentionEveryone: boolean;
	readonly isKnownUser: (id: string) => boolean;
	/** Whether the role exists and may be pinged by this author (mentionable, or the author can mention everyone). */
	readonly canPingRole: (id: string) => boolean;
}

const parseChoices = new Set(['users', 'roles', 'everyone']);

/** Checks `allowed_mentions` the way Discord does; returns the field errors (keyed by path) or null. */
export function validateAllowedMentions(value: AllowedMentions | undefined): Record<string, FieldError[]> | null {
	if (value === undefined) return null;
	const errors: Record<string, FieldError[]> = {};
	const parse = value.parse ?? [];
	parse.forEach((entry, index) => {
		if (!parseChoices.has(entry))
			errors[`allowed_mentions.parse.${index}`] = [{ code: 'BASE_TYPE_CHOICES', message: "Value must be one of ('roles', 'users', 'everyone')." }];
	});
	for (const kind of ['users', 'roles'] as const) {
		const ids = value[kind] ?? [];
		if (ids.length > 100) errors[`allowed_mentions.${kind}`] = [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 100 or fewer in length.' }];
		if (ids.length > 0 && parse.includes(kind)) {
			errors.allowed_mentions = [
				{ code: 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE', message: `parse:["${kind}"] and ${kind}: [ids...] are mutually exclusive.` },
			];
		}
	}
	return Object.keys(errors).length > 0 ? errors : null;
}

/** Works out who a message pings, honouring `allowed_mentions` and the author's permissions. */
export function resolvePings(context: PingContext): PingedMentions {
	const allowed = context.allowedMentions;
	const parse = allowed?.parse;
	const allowsUser = (id: string) => allowed === undefined || parse?.includes('users') === true || (allowed.users ?? []).includes(id);
	const allowsRole = (id: string) => allowed === undefined || parse?.includes('roles') === true || (allowed.roles ?? []).includes(id);

	const users = context.parsed.users.filter((id) => allowsUser(id) && context.isKnownUser(id));
	const replied = context.repliedUserId;
	if (replied && !users.includes(replied) && (allowed === undefined || allowed.replied_user === true)) users.push(replied);
	return {
		everyone: context.parsed.everyone && context.canMentionEveryone && (allowed === undefined || parse?.includes('everyone') === true),
		users,
		roles: context.parsed.roles.filter((id) => allowsRole(id) && context.canPingRole(id)),
	};
}
