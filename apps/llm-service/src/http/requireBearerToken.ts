import type { FastifyRequest } from 'fastify';
import { AccessDeniedError } from './AccessDeniedError.js';
import { hasBearerToken } from './hasBearerToken.js';

/** What {@link requireBearerToken} checks: the tokens it accepts, and what it says when there are none. */
export interface BearerTokenRule {
	/** Tokens that open the route; none closes it (403). */
	readonly accepted: readonly string[];
	/** The 403 message when no token is configured, naming the setting that opens the route. */
	readonly offMessage: string;
}

/** An `onRequest` hook that lets a request through only with `Authorization: Bearer <an accepted token>`. */
export function requireBearerToken(rule: BearerTokenRule): (request: FastifyRequest) => Promise<void> {
	return async (request) => {
		if (rule.accepted.length === 0) throw new AccessDeniedError(403, rule.offMessage);
		const presented = request.headers.authorization;
		if (!rule.accepted.some((token) => hasBearerToken(presented, token)))
			throw new AccessDeniedError(401, 'this endpoint needs `Authorization: Bearer <token>`');
	};
}
