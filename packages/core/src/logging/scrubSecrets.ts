const secretPatterns: readonly [RegExp, string][] = [
	// Discord bot tokens: base64 user id, timestamp, HMAC.
	[/[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40}/g, '[redacted-token]'],
	// Webhook and interaction tokens travel in URL paths.
	[/(\/(?:webhooks|interactions)\/\d{17,20}\/)[A-Za-z0-9_.-]{20,}/g, '$1[redacted]'],
	[/\b(Bot|Bearer)\s+[A-Za-z0-9_.-]{20,}/g, '$1 [redacted]'],
	// Passwords inside connection URLs.
	[/(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)[^@/\s]+@/gi, '$1[redacted]@'],
];

const knownSecrets = new Set<string>();

/** Registers a literal secret (e.g. the configured bot token) so it is scrubbed wherever it appears. */
export function registerSecret(secret: string | undefined): void {
	if (secret !== undefined && secret.length >= 8) knownSecrets.add(secret);
}

/** Replaces tokens, webhook tokens and URL passwords in a text with placeholders. */
export function scrubSecrets(text: string): string {
	let scrubbed = text;
	for (const secret of knownSecrets) scrubbed = scrubbed.split(secret).join('[redacted]');
	for (const [pattern, replacement] of secretPatterns) scrubbed = scrubbed.replace(pattern, replacement);
	return scrubbed;
}
