/** Socket failures of a connection to Redis. */
const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * What ioredis says when a command cannot reach the server, and Redis replies that mean "not now" (loading, failover); a
 * Redis Cluster's client gives up on a command while a master's replica is being promoted with "Too many Cluster
 * redirections", and refuses commands while it has no slot map ("Cluster isn't ready").
 */
const outagePatterns = [
	/^Too many Cluster redirections/,
	/^Cluster isn't ready/,
	/^Failed to refresh slots cache/,
	/Stream isn't writeable/i,
	/Connection is closed/i,
	/max retries per request/i,
	/Command timed out/i,
	/^(LOADING|BUSY|TRYAGAIN|CLUSTERDOWN|MASTERDOWN|READONLY)\b/,
];

/**
 * Whether an error means Redis could not be reached (down, restarting, loading its data) rather than that the work itself
 * is wrong: such work is worth trying again once Redis answers. Looks through `cause` and `AggregateError` members.
 */
export function isRedisOutageError(error: unknown, depth = 0): boolean {
	if (depth > 3 || typeof error !== 'object' || error === null) return false;
	const { code, message, name, cause, errors } = error as { code?: unknown; message?: unknown; name?: unknown; cause?: unknown; errors?: unknown };
	if (typeof code === 'string' && networkCodes.has(code)) return true;
	if (name === 'MaxRetriesPerRequestError') return true;
	if (typeof message === 'string' && outagePatterns.some((pattern) => pattern.test(message))) return true;
	if (Array.isArray(errors) && errors.some((member) => isRedisOutageError(member, depth + 1))) return true;
	return cause !== undefined && isRedisOutageError(cause, depth + 1);
}
