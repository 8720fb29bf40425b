import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './createLogger.js';
import { redactSecretFields, registerSecret, scrubSecrets } from './scrubSecrets.js';

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

	it('removes interaction tokens, query-string tokens and basic auth quoted in text', () => {
		const interactionToken = `aW50ZXJhY3Rpb246${'x1Y2'.repeat(20)}`;
		const scrubbed = scrubSecrets(`callback for ${interactionToken} failed; GET /x?id=1&access_token=abc123def&b=2 with Basic dXNlcjpwYXNzd29yZA==`);
		expect(scrubbed).toBe('callback for [redacted-token] failed; GET /x?id=1&access_token=[redacted]&b=2 with Basic [redacted]');
	});

	it('removes registered literal secrets wherever they appear', () => {
		registerSecret('plain-secret-value-42');
		expect(scrubSecrets('leaked plain-secret-value-42!')).toBe('leaked [redacted]!');
	});
});

describe('redactSecretFields', () => {
	it('redacts the value of every field named like a secret, at any depth, whatever its JSON type', () => {
		const line = JSON.stringify({
			job: { data: { interaction: { id: '1', interactionToken: 'itok' }, webhook: { id: '2', token: 'wtok' } } },
			calls: [{ headers: { Authorization: 'Bot abc', 'x-api-key': 'k' } }, { DISCORD_TOKEN: 'd' }],
			auth: { password: { nested: ['p', { deeper: '}"{' }] }, clientSecret: ['s1', 's2'] },
		});
		expect(JSON.parse(redactSecretFields(line))).toEqual({
			job: { data: { interaction: { id: '1', interactionToken: '[redacted]' }, webhook: { id: '2', token: '[redacted]' } } },
			calls: [{ headers: { Authorization: '[redacted]', 'x-api-key': '[redacted]' } }, { DISCORD_TOKEN: '[redacted]' }],
			auth: { password: '[redacted]', clientSecret: '[redacted]' },
		});
	});

	it('keeps counts, flags and empty values, and fields only quoting a secret word in their text', () => {
		const line = JSON.stringify({
			promptTokens: 12,
			tokenBudget: 'large',
			msPerToken: 3.5,
			withToken: true,
			token: '',
			password: null,
			msg: 'the token: "is" fine',
		});
		expect(redactSecretFields(line)).toBe(line);
	});

	it('redacts a secret field inside JSON quoted in a string', () => {
		const line = JSON.stringify({ msg: `Discord refused ${JSON.stringify({ content: 'hi', webhookToken: 'wtok-1', id: 3 })}` });
		expect(JSON.parse(redactSecretFields(line)).msg).toBe('Discord refused {"content":"hi","webhookToken":"[redacted]","id":3}');
	});

	it('leaves text that is not JSON, or JSON cut short, readable', () => {
		expect(redactSecretFields('token "abc" expired')).toBe('token "abc" expired');
		expect(redactSecretFields('{"token":"unterminated')).toBe('{"token":"unterminated');
		expect(redactSecretFields('{"token":{"a":1')).toBe('{"token":{"a":1');
	});
});

describe('createLogger', () => {
	it('redacts secrets nested at any depth, in bindings and in error fields', async () => {
		const lines: string[] = [];
		const logger = createLogger({ name: 'test', format: 'json', destination: { write: (line: string) => lines.push(line) } });
		const child = logger.child({ route: { interaction: { id: '7', interactionToken: 'nested-interaction-token-value' } } });
		const error = Object.assign(new Error('Discord said no'), { requestBody: { json: { webhook: { token: 'nested-webhook-token-value' } } } });
		child.warn({ job: { data: { deliver: { interaction: { interactionToken: 'deep-interaction-token-value' } } } }, err: error }, 'delivery failed');
		const entry = JSON.parse(lines.join(''));
		expect(entry.route.interaction).toEqual({ id: '7', interactionToken: '[redacted]' });
		expect(entry.job.data.deliver.interaction.interactionToken).toBe('[redacted]');
		expect(entry.err.requestBody.json.webhook.token).toBe('[redacted]');
		expect(lines.join('')).not.toMatch(/token-value/);
	});

	it('writes JSON lines with secret fields redacted and tokens scrubbed from messages', async () => {
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
