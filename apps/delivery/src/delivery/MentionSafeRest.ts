import { type InternalRequest, REST, RequestMethod, type ResponseLike } from '@discordjs/rest';

/** What a message pings when its body does not say: nobody. */
export const NoMentions = { parse: [] } as const;

// Bodies that are a message: a channel message or a webhook's (executed, or edited, follow-ups and `@original` included).
const messageRoute = /^\/(?:channels\/\d+\/messages(?:\/\d+)?|webhooks\/\d+\/[^/]+(?:\/messages\/[^/]+)?)$/;
// An interaction response carries its message in `data`.
const callbackRoute = /^\/interactions\/\d+\/[^/]+\/callback$/;

/**
 * The Discord REST client whose message bodies ping nobody unless they say whom: `@discordjs/rest` has no default, and
 * Discord's own pings everything written, `@everyone` included. A body that sets `allowed_mentions` keeps it.
 */
export class MentionSafeRest extends REST {
	public override queueRequest(request: InternalRequest): Promise<ResponseLike> {
		return super.queueRequest(withDefaultAllowedMentions(request));
	}
}

/** The request with `allowed_mentions` of nobody added to its message body when a message body has none. */
export function withDefaultAllowedMentions(request: InternalRequest): InternalRequest {
	if (request.method !== RequestMethod.Post && request.method !== RequestMethod.Patch) return request;
	const route = request.fullRoute.split('?')[0] ?? '';
	const { body } = request;
	if (messageRoute.test(route)) return lacksMentions(body) ? { ...request, body: { ...body, allowed_mentions: NoMentions } } : request;
	if (!callbackRoute.test(route) || !isPlainObject(body) || !lacksMentions(body.data)) return request;
	return { ...request, body: { ...body, data: { ...body.data, allowed_mentions: NoMentions } } };
}

function lacksMentions(body: unknown): body is Record<string, unknown> {
	return isPlainObject(body) && body.allowed_mentions === undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
