import type { SimScript, SimScriptContext } from '@charbot/ollama-sim';
import type { TranscriptMessage } from '@charbot/discord-emulator';
import { variedLineFor, waitFor } from '@charbot/testkit';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PlatformHarness, seededChannel, seededUser, startPlatform } from './platformHarness.js';

/** What the simulator was asked for one token: the model, the member's turn as the prompt gave it, and how many pictures came with it. */
interface Asked {
	readonly model: string;
	readonly turn: string;
	readonly images: number;
}

/** A script answering every `tk-…` question with a line carrying its token, and remembering what it was asked. */
function recordingScript(asked: Map<string, Asked>): SimScript {
	return {
		match: /tk-[a-z0-9-]+/,
		reply: ({ model, lastUserMessage, messages, images }: SimScriptContext) => {
			const token = /tk-[a-z0-9-]+/.exec(lastUserMessage)?.[0] ?? 'none';
			const turnIndex = messages.findLastIndex((message) => message.role === 'user' && message.content.includes(token));
			const carried = (images ?? []).filter((image) => image.message === turnIndex).length;
			asked.set(token, { model, turn: messages[turnIndex]?.content ?? '', images: carried });
			return `${variedLineFor(token)} (${carried} pictures)`;
		},
	};
}

const picture = (width: number, height: number) =>
	sharp({ create: { width, height, channels: 3, background: { r: 30, g: 120, b: 220 } } })
		.png()
		.toBuffer();

/** Waits for the bot messages of a channel that `match`, then for the platform to settle. */
async function botMessagesMatching(platform: PlatformHarness, channelId: string, match: (message: TranscriptMessage) => boolean): Promise<TranscriptMessage[]> {
	await waitFor(() => platform.botMessages(channelId).some(match), 'a bot message', 20_000);
	await platform.settled();
	return platform.botMessages(channelId).filter(match);
}

describe('with a vision model, characters see what members post', () => {
	let platform: PlatformHarness;
	const asked = new Map<string, Asked>();
	let channel: string;

	beforeAll(async () => {
		platform = await startPlatform({
			sim: { models: ['llama3.2:1b', 'llava:7b'], scripts: [recordingScript(asked)] },
			env: { OLLAMA_VISION_MODEL: 'llava:7b' },
		});
		channel = seededChannel(platform, 'general');
	});
	afterAll(async () => {
		await platform?.close();
	});

	let photoId = '';

	it("sends a member's picture to the vision model with the turn that shows it, scaled down, and the character answers", async () => {
		const png = await picture(2400, 1200);
		const photo = platform.emulator.control.postMessage({
			channelId: channel,
			authorId: seededUser(platform, 'alice'),
			content: 'Peter, look at my view! tk-pic-one',
			attachments: [{ filename: 'view.png', data: png }],
		});
		photoId = photo.id;
		const [reply] = await botMessagesMatching(platform, channel, (message) => message.content.includes('tk-pic-one'));
		expect(reply?.author.displayName).toBe('Peter Griffin');
		expect(reply?.content).toContain('(1 pictures)');
		expect(asked.get('tk-pic-one')).toEqual({
			model: 'llava:7b',
			turn: expect.stringMatching(/tk-pic-one\n\(picture: view\.png, [\d.]+ KiB — you can see it\)$/),
			images: 1,
		});
		const request = platform.sim.requestRecords().findLast((record) => record.model === 'llava:7b');
		// Normalised before the model sees it: a JPEG far smaller than the 2400x1200 PNG.
		expect(request?.images).toHaveLength(1);
		expect(request?.images[0]?.bytes).toBeLessThan(png.byteLength);
	});

	it('shows the picture of the message a member replies to', async () => {
		platform.emulator.control.postMessage({
			channelId: channel,
			authorId: seededUser(platform, 'bob'),
			content: 'Stewie, what do you make of this? tk-pic-two',
			replyTo: photoId,
		});
		const [reply] = await botMessagesMatching(platform, channel, (message) => message.content.includes('tk-pic-two'));
		expect(reply?.author.displayName).toBe('Stewie Griffin');
		expect(asked.get('tk-pic-two')).toMatchObject({
			model: 'llava:7b',
			turn: expect.stringContaining('(picture in the message replied to: view.png'),
			images: 1,
		});
	});

	it('refuses a file that only looks like a picture, still answers, and tells the channel why once', async () => {
		const fake = { filename: 'totally-a-cat.png', contentType: 'image/png', data: Buffer.from('<html>gotcha</html>') };
		platform.emulator.control.postMessage({
			channelId: channel,
			authorId: seededUser(platform, 'carol'),
			content: 'Brian, rate this tk-fake-one',
			attachments: [fake],
		});
		const [reply] = await botMessagesMatching(platform, channel, (message) => message.content.includes('tk-fake-one'));
		expect(reply?.author.displayName).toBe('Brian Griffin');
		expect(asked.get('tk-fake-one')).toEqual({
			model: 'llama3.2:1b',
			turn: expect.stringContaining('(picture: totally-a-cat.png, 19 B — not shown to you: '),
			images: 0,
		});
		const notices = platform.botMessages(channel).filter((message) => message.content.startsWith('📷'));
		expect(notices).toHaveLength(1);
		expect(notices[0]?.content).toMatch(
			/^📷 totally-a-cat\.png was not shown to the characters: .+\. They see PNG, JPEG, WebP and GIF pictures of up to 8 MiB, 4 per message/,
		);
		expect(notices[0]?.author.kind).toBe('bot');

		platform.emulator.control.postMessage({
			channelId: channel,
			authorId: seededUser(platform, 'dana'),
			content: 'Brian, and this? tk-fake-two',
			attachments: [fake],
		});
		await botMessagesMatching(platform, channel, (message) => message.content.includes('tk-fake-two'));
		expect(platform.botMessages(channel).filter((message) => message.content.startsWith('📷'))).toHaveLength(1);
	});

	it("counts what the pictures became on the router's /metrics", async () => {
		expect(await platform.metric('message-router', 'charbot_member_pictures_total{outcome="seen",reason=""}')).toBe(2);
		expect(await platform.metric('message-router', 'charbot_member_pictures_total{outcome="refused",reason="not-an-image"}')).toBe(2);
		expect(await platform.metric('message-router', 'charbot_member_pictures_total{outcome="blind",reason=""}')).toBe(0);
	});
});

describe('without a vision model, characters know a picture was posted', () => {
	let platform: PlatformHarness;
	const asked = new Map<string, Asked>();

	beforeAll(async () => {
		platform = await startPlatform({ sim: { scripts: [recordingScript(asked)] } });
	});
	afterAll(async () => {
		await platform?.close();
	});

	it('answers with the picture noted by name and size, and tells the channel once why', async () => {
		const channel = seededChannel(platform, 'general');
		const png = await picture(64, 64);
		for (const [index, token] of ['tk-blind-one', 'tk-blind-two'].entries()) {
			platform.emulator.control.postMessage({
				channelId: channel,
				authorId: seededUser(platform, index === 0 ? 'alice' : 'bob'),
				content: `Peter, look! ${token}`,
				attachments: [{ filename: 'dog.png', data: png }],
			});
			await botMessagesMatching(platform, channel, (message) => message.content.includes(token));
			expect(asked.get(token)).toEqual({
				model: 'llama3.2:1b',
				turn: expect.stringMatching(/\(picture: dog\.png, \d+ B — you cannot see pictures; you only know it was posted\)$/),
				images: 0,
			});
		}
		const notices = platform.botMessages(channel).filter((message) => message.content.startsWith('📷'));
		expect(notices.map((message) => message.content)).toEqual([expect.stringMatching(/^📷 The characters here can't see pictures: no vision model is set up/)]);
		expect(await platform.metric('message-router', 'charbot_member_pictures_total{outcome="blind",reason=""}')).toBe(2);
	});
});
