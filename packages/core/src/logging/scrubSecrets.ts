/** A token-shaped value: the pattern, its replacement, and a text any match contains (a cheap test that skips the pattern). */
interface SecretPattern {
	readonly pattern: RegExp;
	readonly replacement: string;
	readonly hint?: string;
}

const secretPatterns: readonly SecretPattern[] = [
	// Discord bot tokens: base64 user id, timestamp, HMAC.
	{ pattern: /[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40}/g, replacement: '[redacted-token]' },
	// Interaction tokens start with base64 of `interaction:`, wherever they are quoted.
	{ pattern: /\baW50ZXJhY3Rpb246[A-Za-z0-9_-]{16,}/g, replacement: '[redacted-token]', hint: 'aW50ZXJhY3Rpb246' },
	// Webhook and interaction tokens travel in URL paths.
	{ pattern: /(\/(?:webhooks|interactions)\/\d{17,20}\/)[A-Za-z0-9_.-]{20,}/g, replacement: '$1[redacted]', hint: 's/' },
	{ pattern: /\b(Bot|Bearer|Basic)\s+[A-Za-z0-9_.+/=-]{16,}/g, replacement: '$1 [redacted]' },
	// Secrets in query strings (`?token=`, `&api_key=`).
	{ pattern: /([?&][A-Za-z_]*(?:token|password|secret|api[_-]?key)=)[^&\s"'#]+/gi, replacement: '$1[redacted]', hint: '=' },
	// Passwords inside connection URLs (`redis://:pw@host`); a quote ends the URL, so a later `@` in the line is not taken.
	{ pattern: /(:\/\/[^:/@\s"]*:)[^@/\s"]+@/g, replacement: '$1[redacted]@', hint: '://' },
];

// A key named like a secret: `token`, `interactionToken`, `DISCORD_TOKEN`, `password`, `authorization`, `x-api-key`, …
// Plural and longer names (`promptTokens`, `tokenBudget`) are counts, not secrets.
const secretWords = 'token|passw(?:or)?d|secret|authorization|api[_-]?key|private[_-]?key|cookie';
// Found by its ending (`token":`), then walked back to the key's opening quote: cheaper than trying a key at every quote.
const secretKeyEnd = new RegExp(`(?:${secretWords})":\\s*`, 'gi');
const keyChar = /[A-Za-z0-9_$.-]/;
// The same field inside a JSON text quoted in a string (an error message quoting a request body).
const quotedSecretField = new RegExp(`(\\\\"[A-Za-z0-9_$.-]*?(?:${secretWords})\\\\":\\s*\\\\")[^"\\\\]+(\\\\")`, 'gi');

/** What replaces a secret field's value. */
export const RedactedValue = '[redacted]';

const knownSecrets = new Set<string>();

/** Registers a literal secret (e.g. the configured bot token) so it is scrubbed wherever it appears. */
export function registerSecret(secret: string | undefined): void {
	if (secret !== undefined && secret.length >= 8) knownSecrets.add(secret);
}

/**
 * Replaces secrets in a text with placeholders: registered literal secrets, token-shaped values (bot, interaction and
 * webhook tokens, auth headers, URL passwords and query tokens), and in JSON (a log line) the string, object or array
 * value of every field named like a secret, at any depth.
 */
export function scrubSecrets(text: string): string {
	let scrubbed = redactSecretFields(text);
	for (const secret of knownSecrets) if (scrubbed.includes(secret)) scrubbed = scrubbed.split(secret).join(RedactedValue);
	for (const { pattern, replacement, hint } of secretPatterns)
		if (hint === undefined || scrubbed.includes(hint)) scrubbed = scrubbed.replace(pattern, replacement);
	return scrubbed;
}

/**
 * Replaces the value of every JSON field named like a secret (`"interactionToken":"…"`, `"headers":{"authorization":…}`),
 * at any depth, with `"[redacted]"`. Numbers, booleans, null and empty strings stay: they hold no secret and say whether
 * one was set. Text with no such field is returned as it is.
 */
export function redactSecretFields(text: string): string {
	let redacted = '';
	let copiedUpTo = 0;
	secretKeyEnd.lastIndex = 0;
	for (let match = secretKeyEnd.exec(text); match !== null; match = secretKeyEnd.exec(text)) {
		if (!opensKey(text, match.index)) continue;
		const valueStart = match.index + match[0].length;
		const valueEnd = endOfSecretValue(text, valueStart);
		if (valueEnd === undefined) continue;
		redacted += `${text.slice(copiedUpTo, valueStart)}"${RedactedValue}"`;
		copiedUpTo = valueEnd;
		secretKeyEnd.lastIndex = valueEnd;
	}
	const fields = copiedUpTo === 0 ? text : redacted + text.slice(copiedUpTo);
	return fields.includes('\\"') ? fields.replace(quotedSecretField, `$1${RedactedValue}$2`) : fields;
}

/** Whether the secret word at `wordStart` ends a JSON key: key characters back to an opening quote that is not escaped. */
function opensKey(text: string, wordStart: number): boolean {
	let index = wordStart - 1;
	while (index >= 0 && keyChar.test(text[index] as string)) index -= 1;
	return index >= 0 && text[index] === '"' && text[index - 1] !== '\\';
}

/** Where the JSON string, object or array starting at `start` ends; undefined for any other value, or text that is not JSON. */
function endOfSecretValue(text: string, start: number): number | undefined {
	const first = text[start];
	if (first === '"') {
		const end = endOfString(text, start);
		// An empty string: nothing to hide.
		return end === start + 2 ? undefined : end;
	}
	if (first !== '{' && first !== '[') return undefined;
	let depth = 0;
	for (let index = start; index < text.length; index += 1) {
		const char = text[index];
		if (char === '"') {
			const end = endOfString(text, index);
			if (end === undefined) return undefined;
			index = end - 1;
		} else if (char === '{' || char === '[') depth += 1;
		else if (char === '}' || char === ']') {
			depth -= 1;
			if (depth === 0) return index + 1;
		}
	}
	return undefined;
}

/** The index just past the JSON string opening at `start`; undefined when it never closes. */
function endOfString(text: string, start: number): number | undefined {
	for (let index = start + 1; index < text.length; index += 1) {
		const char = text[index];
		if (char === '\\') index += 1;
		else if (char === '"') return index + 1;
	}
	return undefined;
}
