import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayFixture, startGatewayFixture } from './gatewayFixture.js';

describe('the typing indicator', () => {
	let fx: GatewayFixture;

	beforeAll(async () => {
		fx = await startGatewayFixture();
	});

	afterAll(async () => {
		await fx?.close();
	});

	const typingRequests = () => fx.emulator.control.stats().rest.requestsByRoute['POST /channels/:channelId/typing'] ?? 0;

	it('costs one request per busy channel, not one per message', async () => {
		const busy = await fx.newChannel('typing-busy', { userCooldownSeconds: 0 });
		const calm = await fx.newChannel('typing-calm', { userCooldownSeconds: 0 });
		const before = typingRequests();
		const posted = Array.from({ length: 12 }, (_, index) => fx.post(busy, fx.newMember(`typist${index}`), `Stewie, question ${index}`));
		posted.push(fx.post(calm, fx.newMember('loner'), 'Stewie, anyone here?'));
		for (const message of posted) expect(await fx.outcomeOf(message.id)).toMatchObject({ kind: 'enqueued' });
		await fx.app.settled();
		// Every message was enqueued; typing went out once per channel.
		expect(typingRequests() - before).toBe(2);
	});
});
