import { type DiscordEmulator, GatewayIntents, startDiscordEmulator } from '@charbot/discord-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

interface Frame {
	op: number;
	d: Record<string, unknown> | boolean | null;
	s: number | null;
	t: string | null;
}

/** A bare gateway client that records frames and the close code. */
class RawGateway {
	public readonly frames: Frame[] = [];
	public readonly closed: Promise<number>;
	readonly #socket: WebSocket;
	readonly #opened: Promise<void>;

	public constructor(url: string) {
		this.#socket = new WebSocket(`${url}?v=10&encoding=json`);
		this.#opened = new Promise((resolve, reject) => {
			this.#socket.once('open', () => resolve());
			this.#socket.once('error', reject);
		});
		this.#socket.on('message', (data) => this.frames.push(JSON.parse(data.toString()) as Frame));
		this.closed = new Promise((resolve) => this.#socket.once('close', (code) => resolve(code)));
	}

	public async send(payload: unknown): Promise<void> {
		await this.#opened;
		this.#socket.send(typeof payload === 'string' ? payload : JSON.stringify(payload));
	}

	public async next(predicate: (frame: Frame) => boolean, timeoutMs = 3000): Promise<Frame> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const found = this.frames.find(predicate);
			if (found) return found;
			if (Date.now() > deadline) throw new Error(`no matching frame; got ${this.frames.map((frame) => frame.t ?? frame.op).join(', ')}`);
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
	}

	public terminate(): void {
		this.#socket.terminate();
	}
}

describe('gateway protocol (raw WebSocket)', () => {
	let emulator: DiscordEmulator;
	const identify = (token: string, extra: Record<string, unknown> = {}) => ({
		op: 2,
		d: {
			token,
			intents: GatewayIntents.Guilds | GatewayIntents.GuildMessages | GatewayIntents.MessageContent,
			properties: { os: 'linux', browser: 'test', device: 'test' },
			...extra,
		},
	});

	beforeAll(async () => {
		emulator = await startDiscordEmulator({ heartbeatIntervalMs: 500, replayBuffer: { maxEvents: 5, maxBytes: 1_000_000 } });
	});

	afterAll(async () => {
		await emulator?.close();
	});

	it('says HELLO, ACKs heartbeats, and sends READY then GUILD_CREATE with sequence numbers', async () => {
		const gateway = new RawGateway(emulator.gatewayUrl);
		const hello = await gateway.next((frame) => frame.op === 10);
		expect(hello.d).toMatchObject({ heartbeat_interval: 500 });
		await gateway.send({ op: 1, d: null });
		await gateway.next((frame) => frame.op === 11);
		await gateway.send(identify(emulator.token));
		const ready = await gateway.next((frame) => frame.t === 'READY');
		expect(ready.s).toBe(1);
		expect(ready.d).toMatchObject({
			v: 10,
			shard: [0, 1],
			guilds: [{ id: emulator.seed?.guildId, unavailable: true }],
			application: { id: emulator.applicationId },
		});
		expect((ready.d as { resume_gateway_url: string }).resume_gateway_url).toBe(emulator.gatewayUrl);
		const guild = await gateway.next((frame) => frame.t === 'GUILD_CREATE');
		expect(guild.s).toBe(2);
		expect(guild.d).toMatchObject({ id: emulator.seed?.guildId, unavailable: false, member_count: 6 });
		gateway.terminate();
	});

	it('closes with 4004 on a bad token, 4003 before identify, 4002 on bad JSON, 4001 on unknown opcodes, 4010 on a bad shard, 4005 on a second identify', async () => {
		const cases: [unknown, number][] = [
			[identify('not-the-token'), 4004],
			[{ op: 8, d: { guild_id: '1' } }, 4003],
			['{not json', 4002],
			[{ op: 99, d: null }, 4001],
			[identify(emulator.token, { shard: [3, 2] }), 4010],
			[identify(emulator.token, { intents: 1 << 30 }), 4013],
		];
		for (const [payload, code] of cases) {
			const gateway = new RawGateway(emulator.gatewayUrl);
			await gateway.send(payload);
			expect(await gateway.closed).toBe(code);
		}
		const twice = new RawGateway(emulator.gatewayUrl);
		await twice.send(identify(emulator.token));
		await twice.next((frame) => frame.t === 'READY');
		await twice.send(identify(emulator.token));
		expect(await twice.closed).toBe(4005);
	});

	it('resumes with a replay of missed events, and refuses a resume the bounded buffer cannot cover', async () => {
		const first = new RawGateway(emulator.gatewayUrl);
		await first.send(identify(emulator.token));
		const ready = await first.next((frame) => frame.t === 'READY');
		await first.next((frame) => frame.t === 'GUILD_CREATE');
		const sessionId = (ready.d as { session_id: string }).session_id;
		first.terminate();
		await first.closed;
		const channelId = emulator.seed?.channels.general ?? '';
		const authorId = emulator.seed?.users.alice ?? '';
		emulator.control.postMessage({ channelId, authorId, content: 'missed one' });
		emulator.control.postMessage({ channelId, authorId, content: 'missed two' });

		const second = new RawGateway(emulator.gatewayUrl);
		await second.send({ op: 6, d: { token: emulator.token, session_id: sessionId, seq: 2 } });
		const resumed = await second.next((frame) => frame.t === 'RESUMED');
		const replayed = second.frames.filter((frame) => frame.t === 'MESSAGE_CREATE').map((frame) => [frame.s, (frame.d as { content: string }).content]);
		expect(replayed).toEqual([
			[3, 'missed one'],
			[4, 'missed two'],
		]);
		expect(resumed.s).toBe(5);
		second.terminate();
		await second.closed;

		for (let index = 0; index < 8; index++) emulator.control.postMessage({ channelId, authorId, content: `flood ${index}` });
		const third = new RawGateway(emulator.gatewayUrl);
		await third.send({ op: 6, d: { token: emulator.token, session_id: sessionId, seq: 5 } });
		expect((await third.next((frame) => frame.op === 9)).d).toBe(false);
		await third.send({ op: 6, d: { token: emulator.token, session_id: 'unknown', seq: 1 } });
		await third.next(() => third.frames.filter((frame) => frame.op === 9).length === 2);
		expect(third.frames.filter((frame) => frame.op === 9).map((frame) => frame.d)).toEqual([false, false]);
		third.terminate();
	});

	it('answers Request Guild Members with GUILD_MEMBERS_CHUNK', async () => {
		const gateway = new RawGateway(emulator.gatewayUrl);
		await gateway.send(identify(emulator.token));
		await gateway.next((frame) => frame.t === 'GUILD_CREATE');
		await gateway.send({ op: 8, d: { guild_id: emulator.seed?.guildId, query: 'a', limit: 0, nonce: 'n1' } });
		const chunk = await gateway.next((frame) => frame.t === 'GUILD_MEMBERS_CHUNK');
		const members = (chunk.d as { members: { user: { username: string } }[]; nonce: string }).members.map((member) => member.user.username);
		expect(members).toEqual(['alice']);
		expect(chunk.d).toMatchObject({ nonce: 'n1', chunk_index: 0, chunk_count: 1 });
		gateway.terminate();
	});

	it('closes a socket that stops heartbeating with 4009', async () => {
		const gateway = new RawGateway(emulator.gatewayUrl);
		await gateway.next((frame) => frame.op === 10);
		expect(await gateway.closed).toBe(4009);
	}, 10_000);
});
