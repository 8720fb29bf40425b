import { type DiscordEmulator, startDiscordEmulator, type TranscriptMessage } from '@charbot/discord-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe('the control API over HTTP', () => {
	let emulator: DiscordEmulator;
	let base: string;

	beforeAll(async () => {
		emulator = await startDiscordEmulator({ seed: false });
		base = `${emulator.url}_emu`;
	});

	afterAll(async () => {
		await emulator?.close();
	});

	async function call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
		const response = await fetch(`${base}${path}`, {
			method,
			headers: { 'content-type': 'application/json' },
			...(body === undefined ? {} : { body: JSON.stringify(body) }),
		});
		return { status: response.status, body: (await response.json()) as T };
	}

	it('builds a world, posts as a user and reads the transcript', async () => {
		const guild = await call<{ id: string }>('POST', '/guilds', { name: 'Spooner Street' });
		expect(guild.status).toBe(200);
		const channel = await call<{ id: string; name: string }>('POST', `/guilds/${guild.body.id}/channels`, { name: 'Drunken Clam' });
		expect(channel.body.name).toBe('drunken-clam');
		const user = await call<{ id: string }>('POST', '/users', { username: 'quagmire', globalName: 'Glenn' });
		const role = await call<{ id: string; permissions: string }>('POST', `/guilds/${guild.body.id}/roles`, { name: 'Mods', permissions: ['ManageGuild'] });
		expect(role.body.permissions).toBe('32');
		const member = await call<{ permissions: string }>('POST', `/guilds/${guild.body.id}/members`, { userId: user.body.id, roles: [role.body.id] });
		expect(BigInt(member.body.permissions) & 32n).toBe(32n);
		const posted = await call<TranscriptMessage>('POST', `/channels/${channel.body.id}/messages`, { authorId: user.body.id, content: 'Giggity' });
		expect(posted.body.author).toMatchObject({ displayName: 'Glenn', username: 'quagmire', kind: 'user' });
		const transcript = await call<TranscriptMessage[]>('GET', `/channels/${channel.body.id}/messages`);
		expect(transcript.body.map((message) => message.content)).toEqual(['Giggity']);
	});

	it('explains bad requests with 400 and the field at fault', async () => {
		const bad = await call<{ error: string }>('POST', '/users', { username: '' });
		expect(bad.status).toBe(400);
		expect(bad.body.error).toMatch(/username/);
		const missing = await call<{ error: string }>('POST', '/channels/100000000000000000/messages', { authorId: '100000000000000000', content: 'x' });
		expect(missing.status).toBe(400);
		expect(missing.body.error).toMatch(/channel 100000000000000000 does not exist/);
		expect((await call('GET', '/nope')).status).toBe(404);
	});

	it('long-polls for the next bot message and times out with 408', async () => {
		const timedOut = await call<{ error: string }>('GET', '/wait/bot-message?timeoutMs=50');
		expect(timedOut.status).toBe(408);
		const guild = emulator.control.createGuild({ name: 'Bot test' });
		const channel = emulator.control.createChannel(guild.id, { name: 'replies' });
		const waiting = call<TranscriptMessage>('GET', `/wait/bot-message?channelId=${channel.id}&timeoutMs=3000`);
		await new Promise((resolve) => setTimeout(resolve, 50));
		const response = await fetch(`${emulator.apiUrl}/v10/channels/${channel.id}/messages`, {
			method: 'POST',
			headers: { authorization: `Bot ${emulator.token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ content: 'from the bot' }),
		});
		expect(response.status).toBe(200);
		expect((await waiting).body).toMatchObject({ content: 'from the bot', fromBot: true });
	});

	it('injects faults and reports them in stats', async () => {
		expect((await call('POST', '/faults/rate-limit', { route: 'GET /users/@me', count: 1, retryAfterMs: 250 })).status).toBe(200);
		const limited = await fetch(`${emulator.apiUrl}/v10/users/@me`, { headers: { authorization: `Bot ${emulator.token}` } });
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBe('0.250');
		expect(limited.headers.get('x-ratelimit-scope')).toBe('user');
		expect(await limited.json()).toEqual({ message: 'You are being rate limited.', retry_after: 0.25, global: false });
		await call('POST', '/faults/rate-limit', { count: 1, global: true });
		const global = await fetch(`${emulator.apiUrl}/v10/users/@me`, { headers: { authorization: `Bot ${emulator.token}` } });
		expect(global.headers.get('x-ratelimit-global')).toBe('true');
		expect(global.headers.get('x-ratelimit-scope')).toBe('global');
		await call('POST', '/faults/server-errors', { count: 1, status: 502 });
		expect((await fetch(`${emulator.apiUrl}/v10/users/@me`, { headers: { authorization: `Bot ${emulator.token}` } })).status).toBe(502);
		const stats = await call<{ rest: { injectedRateLimits: number; injectedServerErrors: number } }>('GET', '/stats');
		expect(stats.body.rest).toMatchObject({ injectedRateLimits: 2, injectedServerErrors: 1 });
	});

	it('streams events to the playground feed', async () => {
		const controller = new AbortController();
		const response = await fetch(`${base}/events`, { signal: controller.signal });
		expect(response.headers.get('content-type')).toBe('text/event-stream');
		const reader = response.body?.getReader();
		const guild = emulator.control.createGuild({ name: 'Feed' });
		const channel = emulator.control.createChannel(guild.id, { name: 'live' });
		const user = emulator.control.createUser({ username: 'joe' });
		emulator.control.addMember(guild.id, user.id);
		emulator.control.postMessage({ channelId: channel.id, authorId: user.id, content: 'streamed' });
		let text = '';
		while (reader && !text.includes('streamed')) {
			const { value, done } = await reader.read();
			if (done) break;
			text += new TextDecoder().decode(value);
		}
		controller.abort();
		const events = text
			.split('\n\n')
			.filter((chunk) => chunk.startsWith('data: '))
			.map((chunk) => JSON.parse(chunk.slice(6)) as { type: string });
		expect(events.map((event) => event.type)).toEqual(['guildCreate', 'channelCreate', 'messageCreate']);
	});
});
