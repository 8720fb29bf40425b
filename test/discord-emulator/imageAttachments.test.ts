import { type DiscordEmulator, startDiscordEmulator } from '@charbot/discord-emulator';
import { type Client, Events, type Message, type TextChannel } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginClient, nextEvent } from './loginClient.js';

// A real 1x1 PNG.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe("a member's image as discord.js receives it, alone and in the message a reply points to", () => {
	let emulator: DiscordEmulator;
	let client: Client<true>;
	let general: TextChannel;
	const users = () => emulator.seed?.users ?? {};

	beforeAll(async () => {
		emulator = await startDiscordEmulator({ heartbeatIntervalMs: 2000 });
		client = await loginClient(emulator);
		general = (await client.channels.fetch(emulator.seed?.channels.general ?? '')) as TextChannel;
	});
	afterAll(async () => {
		await client?.destroy();
		await emulator?.close();
	});

	it("carries url, proxy_url, content_type, width, height, size and name, and serves the bytes with the image's type", async () => {
		const received = nextEvent(client, Events.MessageCreate, (message: Message) => (message.content === 'my cat' ? message : undefined));
		emulator.control.postMessage({
			channelId: general.id,
			authorId: users().alice ?? '',
			content: 'my cat',
			attachments: [{ filename: 'cat photo.png', data: png }],
		});
		const attachment = (await received).attachments.first();
		expect(attachment).toMatchObject({ name: 'cat_photo.png', contentType: 'image/png', size: png.length, width: 1, height: 1 });
		expect(attachment?.proxyURL).toBe(attachment?.url);
		const served = await fetch(attachment?.url ?? '');
		expect(served.status).toBe(200);
		expect(served.headers.get('content-type')).toBe('image/png');
		expect(served.headers.get('content-length')).toBe(String(png.length));
		expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
	});

	it("gives a reply's referenced_message the replied message's attachments and embeds", async () => {
		const original = emulator.control.postMessage({
			channelId: general.id,
			authorId: users().alice ?? '',
			content: 'look at these',
			attachments: [{ filename: 'dog.png', contentType: 'image/png', data: png }],
			embeds: [{ type: 'image', url: 'https://example.com/meme.png', image: { url: 'https://example.com/meme.png', width: 10, height: 20 } }],
		});
		const raw = new Promise<Record<string, unknown>>((resolve) => {
			const onRaw = (packet: { t?: string; d?: Record<string, unknown> }) => {
				if (packet.t === 'MESSAGE_CREATE' && packet.d?.content === 'Peter, what is this?') {
					client.off('raw', onRaw);
					resolve(packet.d);
				}
			};
			client.on('raw', onRaw);
		});
		const received = nextEvent(client, Events.MessageCreate, (message: Message) => (message.content === 'Peter, what is this?' ? message : undefined));
		emulator.control.postMessage({ channelId: general.id, authorId: users().bob ?? '', content: 'Peter, what is this?', replyTo: original.id });
		const reply = await received;
		expect(reply.reference?.messageId).toBe(original.id);
		const referenced = (await raw).referenced_message as { attachments: Record<string, unknown>[]; embeds: Record<string, unknown>[] };
		expect(referenced.attachments[0]).toMatchObject({ filename: 'dog.png', content_type: 'image/png', size: png.length, width: 1, height: 1 });
		expect(referenced.embeds[0]).toMatchObject({ image: { url: 'https://example.com/meme.png' } });
		const cached = reply.channel.messages.cache.get(original.id);
		expect(cached?.attachments.first()).toMatchObject({ name: 'dog.png', contentType: 'image/png', width: 1, height: 1 });
		expect(cached?.embeds[0]?.image?.url).toBe('https://example.com/meme.png');
		const fetched = await reply.fetchReference();
		expect(fetched.attachments.first()?.url).toBe(cached?.attachments.first()?.url);
	});
});
