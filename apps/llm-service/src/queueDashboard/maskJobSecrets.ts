import { scrubSecrets } from '@charbot/core';

const secretKey = /token$|password|secret|authorization/i;
// Discord interaction tokens are base64 of "interaction:<id>:..."; outside a URL only their start gives them away.
const interactionToken = /aW50ZXJhY3Rpb246[A-Za-z0-9_.-]+/g;
const mask = '[redacted]';

/**
 * A copy of a value with secrets masked at any depth: the value of any field named like a token, password, secret or
 * authorization (an interaction token in job data), and tokens inside any text (webhook and interaction URLs, bot tokens,
 * URL passwords) as the log scrubber finds them.
 */
export function maskJobSecrets(value: unknown): unknown {
	if (typeof value === 'string') return scrubSecrets(value).replace(interactionToken, mask);
	if (Array.isArray(value)) return value.map(maskJobSecrets);
	if (value === null || typeof value !== 'object') return value;
	return Object.fromEntries(
		Object.entries(value).map(([key, field]) => [key, secretKey.test(key) && typeof field === 'string' ? mask : maskJobSecrets(field)]),
	);
}
