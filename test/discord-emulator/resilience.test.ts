import { type DiscordEmulator, startDiscordEmulator } from '@charbot/discord-emulator';
import { Client, DiscordjsErrorCodes, Events, HTTPError, type Message, type TextChannel } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatIntents, loginClient, nextEvent } from './loginClient.js';

describe('gateway recovery with a real discord.js client', () => {
	let emulator: DiscordEmulator;
	let client: Client<true>;

	beforeAll(async () => {
		emulator = await startDiscordEmulator({ heartbeatIntervalMs: 1000 });
		client = await loginClient(emulator);
	});

	afterAll(async () => {
		await client?.destroy();
		await emulator?.close();
	});

	const post = (content: string) =>
		emulator.control.postMessage({ channelId: emulator.seed?.channels.general ?? '', authorId: emulator.seed?.users.alice ?? '', content });

	const collect = () => {
		const seen: string[] = [];
		client.on(Events.MessageCreate, (message: Message) => {
			seen.push(message.content);
		});
		return seen;
	};

	async function waitUntil(condition: () => boolean, what: string, timeoutMs = 8000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (!condition()) {
			if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
	}

	it('resumes after op 7 Reconnect and replays the events sent while it was away', async () => {
		const seen = collect();
		const resumed = nextEvent(client, Events.ShardResume, (shardId: number, replayed: number) => ({ shardId, replayed }), 8000);
		expect(emulator.control.requestReconnect()).toBe(1);
		// discord.js closes, waits ~500 ms and reconnects; these land in the session's replay buffer meanwhile.
		post('during reconnect 1');
		await new Promise((resolve) => setTimeout(resolve, 100));
		post('during reconnect 2');
		const { shardId, replayed } = await resumed;
		expect(shardId).toBe(0);
		expect(replayed).toBeGreaterThanOrEqual(2);
		post('after reconnect');
		await waitUntil(() => seen.includes('after reconnect'), 'the message after the reconnect');
		expect(seen).toEqual(['during reconnect 1', 'during reconnect 2', 'after reconnect']);
		expect(emulator.control.stats().gateway).toMatchObject({ resumes: 1, identifies: 1 });
	});

	it('resumes after the socket is dropped without a close frame', async () => {
		const seen = collect();
		const resumed = nextEvent(client, Events.ShardResume, () => true, 8000);
		expect(emulator.control.dropSockets()).toBe(1);
		post('while dropped');
		await resumed;
		await waitUntil(() => seen.includes('while dropped'), 'the message sent while dropped');
		expect(emulator.control.stats().gateway.resumes).toBe(2);
	});

	it('identifies again after a non-resumable op 9 and keeps receiving events', async () => {
		const seen = collect();
		const before = emulator.control.stats().gateway.identifies;
		emulator.control.invalidateSessions({ resumable: false });
		// discord.js reconnects, then waits for its identify throttle before a new READY.
		await waitUntil(() => emulator.control.stats().gateway.identifies === before + 1, 'a second IDENTIFY', 12_000);
		await waitUntil(() => emulator.control.sessions().some((session) => session.connected), 'a connected session');
		post('after re-identify');
		await waitUntil(() => seen.includes('after re-identify'), 'the message after re-identify');
	}, 20_000);

	it('resumes on the same socket after a resumable op 9', async () => {
		const resumed = nextEvent(client, Events.ShardResume, () => true, 8000);
		emulator.control.invalidateSessions({ resumable: true });
		await resumed;
	});
});

describe('REST faults with a real discord.js client', () => {
	let emulator: DiscordEmulator;
	let client: Client<true>;
	let general: TextChannel;

	beforeAll(async () => {
		emulator = await startDiscordEmulator({ heartbeatIntervalMs: 2000 });
		client = await loginClient(emulator);
		general = (await client.channels.fetch(emulator.seed?.channels.general ?? '')) as TextChannel;
	});

	afterAll(async () => {
		await client?.destroy();
		await emulator?.close();
	});

	it('waits out an injected per-route 429 and then succeeds', async () => {
		const limited: number[] = [];
		client.rest.on('rateLimited', (info) => limited.push(info.retryAfter));
		emulator.control.injectRateLimit({ route: 'POST /channels/:channelId/messages', count: 1, retryAfterMs: 600 });
		const started = Date.now();
		const sent = await general.send('patience');
		const elapsed = Date.now() - started;
		expect(sent.content).toBe('patience');
		expect(elapsed).toBeGreaterThanOrEqual(600);
		expect(limited).toHaveLength(1);
		expect(limited[0]).toBeGreaterThanOrEqual(600);
		expect(emulator.control.stats().rest).toMatchObject({ injectedRateLimits: 1, rateLimitedResponses: 1 });
		expect(emulator.control.stats().rest.requestsByRoute['POST /channels/:channelId/messages']).toBe(2);
	});

	it('waits out a global 429 storm', async () => {
		emulator.control.injectRateLimit({ durationMs: 500, global: true });
		const started = Date.now();
		await general.send('after the storm');
		expect(Date.now() - started).toBeGreaterThanOrEqual(450);
		expect(emulator.control.transcript(general.id).at(-1)?.content).toBe('after the storm');
	});

	it('retries 5xx up to three times, then fails with HTTPError', async () => {
		emulator.control.injectServerErrors({ route: 'POST /channels/:channelId/messages', count: 3 });
		await expect(general.send('third time lucky')).resolves.toMatchObject({ content: 'third time lucky' });
		emulator.control.injectServerErrors({ route: 'POST /channels/:channelId/messages', count: 4, status: 503 });
		const failure = await general.send('never').catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(HTTPError);
		expect((failure as HTTPError).status).toBe(503);
		expect(emulator.control.stats().rest.injectedServerErrors).toBe(7);
	});

	it('sends rate-limit headers on every response', async () => {
		const response = await fetch(`${emulator.apiUrl}/v10/users/@me`, { headers: { authorization: `Bot ${emulator.token}` } });
		expect(response.headers.get('x-ratelimit-limit')).toBe('50');
		expect(Number(response.headers.get('x-ratelimit-remaining'))).toBeLessThan(50);
		expect(Number(response.headers.get('x-ratelimit-reset-after'))).toBeGreaterThan(0);
		expect(Number(response.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000 - 1);
		expect(response.headers.get('x-ratelimit-bucket')).toMatch(/^[0-9a-f]{32}$/);
	});
});

describe('logging in with a wrong token', () => {
	it('rejects with TokenInvalid', async () => {
		const emulator = await startDiscordEmulator();
		const client = new Client({ intents: chatIntents, rest: { api: emulator.apiUrl } });
		try {
			await expect(client.login('wrong.token.value')).rejects.toMatchObject({ code: DiscordjsErrorCodes.TokenInvalid });
		} finally {
			await client.destroy();
			await emulator.close();
		}
	});
});
