import { describe, expect, it } from 'vitest';
import { parseChannelWebhookId } from './parseChannelWebhookId.js';

describe('parseChannelWebhookId', () => {
	it('reads the JSON the delivery worker writes', () => {
		expect(parseChannelWebhookId('{"id":"123456789012345678","token":"abc"}')).toBe('123456789012345678');
	});

	it('accepts a bare id or a webhook URL', () => {
		expect(parseChannelWebhookId('123456789012345678')).toBe('123456789012345678');
		expect(parseChannelWebhookId('https://discord.com/api/webhooks/123456789012345678/tok-en_1')).toBe('123456789012345678');
	});

	it('returns undefined for anything it cannot trust', () => {
		for (const stored of ['', 'null', '[]', '{"token":"x"}', '{"id":"general"}', '{"id":12}', '{"id":123456789012345678}', '{broken', 'webhook-1']) {
			expect(parseChannelWebhookId(stored), stored).toBeUndefined();
		}
	});
});
