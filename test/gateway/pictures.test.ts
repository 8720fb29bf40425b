import { waitFor } from '@charbot/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayFixture, startGatewayFixture } from './gatewayFixture.js';

// A 1x1 PNG, as a member's upload.
const onePixelPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('the gateway reads the pictures of a message, and of the message it replies to', () => {
	let fx: GatewayFixture;
	let channel: string;
	let member: string;

	beforeAll(async () => {
		fx = await startGatewayFixture();
		channel = await fx.newChannel('pictures');
		member = fx.newMember('photographer');
	});

	afterAll(async () => {
		await fx?.close();
	});

	it('lists attachments, embedded pictures and image links in the route job, and notes them in the history', async () => {
		const posted = fx.emulator.control.postMessage({
			channelId: channel,
			authorId: member,
			content: 'Peter, look at this! https://cdn.discordapp.com/attachments/1/2/dog.jpg and https://example.com/page',
			attachments: [
				{ filename: 'my cat.png', data: onePixelPng },
				{ filename: 'notes.txt', contentType: 'text/plain', data: Buffer.from('not a picture') },
			],
			embeds: [
				{
					type: 'image',
					url: 'https://example.com/meme.gif',
					thumbnail: {
						url: 'https://example.com/meme.gif',
						proxy_url: 'https://images-ext-1.discordapp.net/external/abc/https/example.com/meme.gif',
						width: 480,
						height: 270,
					},
				},
			],
		});
		expect(await fx.outcomeOf(posted.id)).toMatchObject({ kind: 'enqueued' });
		const [job] = await fx.routeJobsFor(posted.id);
		expect(job?.data.message.images).toEqual([
			{
				url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/_emu\/attachments\/\d+\/\d+\/my_cat\.png$/),
				name: 'my_cat.png',
				size: onePixelPng.byteLength,
				width: 1,
				height: 1,
				source: 'attachment',
			},
			{ url: 'https://images-ext-1.discordapp.net/external/abc/https/example.com/meme.gif', name: 'meme.gif', width: 480, height: 270, source: 'embed' },
			{ url: 'https://cdn.discordapp.com/attachments/1/2/dog.jpg', name: 'dog.jpg', source: 'link' },
		]);
		await waitFor(async () => (await fx.history.recent(fx.guildId, channel)).some((entry) => entry.messageId === posted.id), 'the message in the history');
		const entry = (await fx.history.recent(fx.guildId, channel)).find((each) => each.messageId === posted.id);
		expect(entry?.content).toBe(`${posted.content}\n(picture: my_cat.png)\n(picture: meme.gif)\n(picture: dog.jpg)`);
	});

	it('keeps the pictures of a message in the history, for a later reply to it', async () => {
		const photo = fx.emulator.control.postMessage({
			channelId: channel,
			authorId: member,
			content: '',
			attachments: [{ filename: 'beach.png', data: onePixelPng }],
		});
		await fx.outcomeOf(photo.id);
		const question = fx.emulator.control.postMessage({
			channelId: channel,
			authorId: fx.newMember('curious'),
			content: 'Peter, where is this?',
			replyTo: photo.id,
		});
		expect(await fx.outcomeOf(question.id)).toMatchObject({ kind: 'enqueued' });
		const [job] = await fx.routeJobsFor(question.id);
		expect(job?.data.message).toMatchObject({ replyToMessageId: photo.id });
		expect(job?.data.message).not.toHaveProperty('images');
		const conversation = await fx.history.conversationAt(fx.guildId, channel, question.id, 20, photo.id);
		expect(conversation.repliedTo).toMatchObject({
			content: '(picture: beach.png)',
			images: [{ name: 'beach.png', size: onePixelPng.byteLength, source: 'attachment' }],
		});
		expect(conversation.before.find((entry) => entry.messageId === question.id)).toBeUndefined();
	});

	it('carries no pictures for a message without any', async () => {
		const posted = fx.post(channel, fx.newMember('wordsmith'), 'Peter, just words today');
		await fx.outcomeOf(posted.id);
		const [job] = await fx.routeJobsFor(posted.id);
		expect(job?.data.message).not.toHaveProperty('images');
	});
});
