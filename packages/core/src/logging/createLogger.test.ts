import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './createLogger.js';
import { registerSecret, scrubSecrets } from './scrubSecrets.js';

const botToken = ['MTA5ODc2NTQzMjEwOTg3NjU0Mw', 'GaBcDe', 'abcdefghijklmnopqrstuvwxyz0123456789AB'].join('.');

describe('scrubSecrets', () => {
	it('removes bot tokens, webhook tokens, auth headers and URL passwords', () => {
		const text = `token ${botToken} posted to https://discord.com/api/v10/webhooks/123456789012345678/aVeryLongWebhookTokenValue_123-abc with Bot ${botToken} via redis://:s3cretpass@cache:6379`;
		const scrubbed = scrubSecrets(text);
		expect(scrubbed).not.toContain(botToken);
		expect(scrubbed).not.toContain('aVeryLongWebhookTokenValue');
		expect(scrubbed).not.toContain('s3cretpass');
		expect(scrubbed).toContain('/webhooks/123456789012345678/[redacted]');
	});

	it('removes registered literal secrets wherever they appear', () => {
		registerSecret('plain-secret-value-42');
		expect(scrubSecrets('leaked plain-secret-value-42!')).toBe('leaked [redacted]!');
	});
});

describe('createLogger', () => {
	it('writes JSON lines with tokens redacted by path and scrubbed from messages', async () => {
		const lines: string[] = [];
		const destination = new Writable({
			write(chunk, _encoding, callback) {
				lines.push(String(chunk));
				callback();
			},
		});
		const logger = createLogger({ name: 'test', format: 'json', destination });
		logger.info({ token: 'abc', headers: { authorization: `Bot ${botToken}` }, webhookToken: 'zzz' }, `calling with ${botToken}`);
		await new Promise((resolve) => setImmediate(resolve));
		const entry = JSON.parse(lines.join(''));
		expect(entry.name).toBe('test');
		expect(entry.token).toBe('[redacted]');
		expect(entry.webhookToken).toBe('[redacted]');
		expect(entry.headers.authorization).toBe('[redacted]');
		expect(entry.msg).toBe('calling with [redacted-token]');
		expect(lines.join('')).not.toContain(botToken);
	});

	it('renders pretty lines from the scrubbed JSON, so a token never reaches the terminal', async () => {
		const lines: string[] = [];
		const logger = createLogger({ name: 'gateway', format: 'pretty', color: false, destination: { write: (line: string) => lines.push(line) } });
		logger.warn({ token: 'abc', url: `https://x/webhooks/123456789012345678/aVeryLongWebhookTokenValue_123-abc` }, `login with ${botToken}`);
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(
			/^\d\d:\d\d:\d\d\.\d{3} gateway {9}WARN {2}login with \[redacted-token\] {2}token=\[redacted\] url=https:\/\/x\/webhooks\/123456789012345678\/\[redacted\]\n$/,
		);
	});
});
