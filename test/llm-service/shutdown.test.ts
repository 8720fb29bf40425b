import { waitFor } from '@charbot/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import type { GenerateAnswer } from '../../apps/llm-service/src/routes/generate/renderGenerateResult.js';
import type { ServiceFixture } from './serviceFixture.js';
import { startServiceFixture } from './serviceFixture.js';

let fixture: ServiceFixture | undefined;

afterEach(async () => {
	await fixture?.close();
	fixture = undefined;
});

describe('closing the service', () => {
	it('stops accepting but lets a request in flight finish', async () => {
		fixture = await startServiceFixture({ sim: { tokensPerSecond: 40, replyTokens: 20 } });
		const { service, sims } = fixture;
		const pending = fetch(`${service.url}/generate`, { method: 'POST', body: JSON.stringify({ prompt: 'finish this please' }) });
		await waitFor(() => sims[0]?.stats().inFlight === 1, 'the generation to reach the host');
		const started = Date.now();
		const closed = service.close();
		const answer = await pending;
		expect(answer.status).toBe(200);
		expect(((await answer.json()) as GenerateAnswer).metadata.tokens_generated).toBe(20);
		await closed;
		// Well inside the 10 s grace period: the finished request's keep-alive connection does not hold the close.
		expect(Date.now() - started).toBeLessThan(3000);
		await expect(fetch(`${service.url}/healthz`)).rejects.toThrow();
	});

	it('cancels what is still running when the grace period ends', async () => {
		fixture = await startServiceFixture({ sim: { tokensPerSecond: 2, replyTokens: 40 }, service: { closeGraceMs: 200 } });
		const { service, sims } = fixture;
		const pending = fetch(`${service.url}/generate`, { method: 'POST', body: JSON.stringify({ prompt: 'this will take 20 s' }) }).then(
			(response) => response.status,
			() => 'connection closed',
		);
		await waitFor(() => sims[0]?.stats().inFlight === 1, 'the generation to reach the host');
		const started = Date.now();
		await service.close();
		expect(Date.now() - started).toBeLessThan(2000);
		expect(await pending).toBe(503);
		await waitFor(() => sims[0]?.stats().inFlight === 0, 'the host request to be cancelled', 2000);
	});
});
