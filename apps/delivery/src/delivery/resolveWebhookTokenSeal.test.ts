import { randomBytes } from 'node:crypto';
import { createLogger, loadConfig } from '@charbot/core';
import { describe, expect, it } from 'vitest';
import { resolveWebhookTokenSeal } from './resolveWebhookTokenSeal.js';

function captureLogger() {
	const lines: Record<string, unknown>[] = [];
	const logger = createLogger({ name: 'test', level: 'debug', format: 'json', destination: { write: (line: string) => void lines.push(JSON.parse(line)) } });
	return { logger, lines };
}

describe('resolveWebhookTokenSeal', () => {
	it('refuses production without WEBHOOK_TOKEN_KEY, naming it', () => {
		const { logger } = captureLogger();
		expect(() => resolveWebhookTokenSeal(loadConfig({ NODE_ENV: 'production' }), logger)).toThrow(/WEBHOOK_TOKEN_KEY is required in production/);
	});

	it('makes up a key elsewhere, with a warning, and uses the given one when set', () => {
		const { logger, lines } = captureLogger();
		const madeUp = resolveWebhookTokenSeal(loadConfig({ NODE_ENV: 'development' }), logger);
		expect(lines.some((line) => line.level === 40 && String(line.msg).startsWith('WEBHOOK_TOKEN_KEY IS NOT SET'))).toBe(true);
		const key = randomBytes(32).toString('base64');
		const configured = resolveWebhookTokenSeal(loadConfig({ NODE_ENV: 'production', WEBHOOK_TOKEN_KEY: key }), logger);
		const again = resolveWebhookTokenSeal(loadConfig({ NODE_ENV: 'production', WEBHOOK_TOKEN_KEY: key }), logger);
		const sealed = configured.seal('a-webhook-token-of-some-length', '100000000000000001', 'k');
		expect(again.open(sealed, 'k')).toEqual({ ok: true, webhookId: '100000000000000001', token: 'a-webhook-token-of-some-length' });
		expect(madeUp.open(sealed, 'k')).toMatchObject({ ok: false, reason: 'wrong-key-or-tampered' });
	});

	it('refuses a key that is not 32 bytes of base64, without echoing it', () => {
		const attempt = () => loadConfig({ WEBHOOK_TOKEN_KEY: 'c2hvcnQta2V5' });
		expect(attempt).toThrow(/WEBHOOK_TOKEN_KEY.*32 random bytes/s);
		expect(attempt).not.toThrow(/c2hvcnQta2V5/);
	});
});
