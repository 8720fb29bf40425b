import { existsSync } from 'node:fs';
import { type DiscordEmulator, startDiscordEmulator } from '@charbot/discord-emulator';
import {
	type Client,
	Events,
	type Interaction,
	type Message,
	MessageFlags,
	MessageType,
	SlashCommandBuilder,
	type TextChannel,
	type Webhook,
} from 'discord.js';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loginClient, nextEvent } from './loginClient.js';

const chromiumPath = '/usr/bin/chromium';
const outsideAvatar = 'https://api.dicebear.com/9.x/adventurer/png?seed=charbot-peter';

// Page callbacks run in Chromium; the repo compiles without the DOM library, so the browser globals they use are declared here.
interface PageCanvas {
	width: number;
	height: number;
	getContext(kind: '2d'): { fillStyle: string; fillRect(x: number, y: number, width: number, height: number): void } | null;
	toDataURL(type: string): string;
}
type PageImage = { naturalWidth: number };
declare const window: { __pwned?: number };
declare const document: { createElement(tag: 'canvas'): PageCanvas };
declare function getComputedStyle(element: unknown): { color: string; borderLeftColor: string };

describe('the playground shows the product as Discord would (Chromium)', () => {
	let emulator: DiscordEmulator;
	let client: Client<true>;
	let browser: Browser;
	let page: Page;
	let webhook: Webhook;
	let general: string;
	let users: Record<string, string>;
	let moderators: string;
	const requests: string[] = [];
	const pageErrors: string[] = [];

	beforeAll(async () => {
		if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing. Install it with: apt-get update && apt-get install -y chromium`);
		emulator = await startDiscordEmulator({ heartbeatIntervalMs: 2000 });
		if (!emulator.seed) throw new Error('the emulator was started without its seed world');
		general = emulator.seed.channels.general ?? '';
		users = { ...emulator.seed.users };
		moderators = emulator.seed.roles.moderators;
		client = await loginClient(emulator);
		webhook = await ((await client.channels.fetch(general)) as TextChannel).createWebhook({ name: 'Charbot characters' });
		await client.application.commands.set([new SlashCommandBuilder().setName('secret').setDescription('Answers only you').toJSON()], emulator.seed.guildId);
		client.on(Events.InteractionCreate, (interaction: Interaction) => {
			if (!interaction.isChatInputCommand()) return;
			interaction.reply({ content: 'Your **secret** is safe.', flags: MessageFlags.Ephemeral }).catch((error: unknown) => console.error(error));
		});
		browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
		page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
		page.setDefaultTimeout(8000);
		page.on('request', (request) => requests.push(request.url()));
		page.on('pageerror', (error) => pageErrors.push(error.message));
		await page.goto(emulator.url);
		await page.locator('[data-channel-name="general"].active').waitFor();
		await page.locator('#connection-state', { hasText: 'live' }).waitFor();
	});

	afterAll(async () => {
		await browser?.close();
		await client?.destroy();
		await emulator?.close();
	});

	beforeEach(async () => {
		await page.selectOption('#author-select', users.alice ?? '');
		await page.dispatchEvent('#author-select', 'change');
	});

	it('starts "Write as" on a plain member and shows roles: colours, Admin and Manage Server badges', async () => {
		const page2 = await browser.newPage();
		await page2.goto(emulator.url);
		await page2.locator('[data-channel-name="general"].active').waitFor();
		expect(await page2.inputValue('#author-select')).toBe(users.alice);
		const options = await page2.locator('#author-select option').allTextContents();
		expect(options).toEqual(expect.arrayContaining(['Alice', 'Bob', 'Dana (Owner, Admin)', 'Erin (Manage Server)']));
		await page2.close();

		for (const author of ['dana', 'erin', 'alice'])
			emulator.control.postMessage({ channelId: general, authorId: users[author] ?? '', content: `hello from ${author}` });
		const dana = page.locator('.message[data-author="Dana"]').last();
		await dana.waitFor();
		await page.locator('.message[data-author="Alice"]', { hasText: 'hello from alice' }).waitFor();
		expect(await dana.locator('.role-badge').allTextContents()).toEqual(['👑', 'Admin']);
		expect(await dana.locator('.author-name').evaluate((node) => getComputedStyle(node).color)).toBe('rgb(231, 76, 60)');
		const erin = page.locator('.message[data-author="Erin"]').last();
		expect(await erin.locator('.role-badge').allTextContents()).toEqual(['Manage Server']);
		expect(await erin.locator('.author-name').evaluate((node) => getComputedStyle(node).color)).toBe('rgb(52, 152, 219)');
		expect(await page.locator('.message[data-author="Alice"]').last().locator('.role-badge').count()).toBe(0);
	});

	it('renders markdown and mention pills in messages, and a simulated reply with a badge instead of its marker line', async () => {
		emulator.control.postMessage({
			channelId: general,
			authorId: users.bob ?? '',
			content: `# Plans\n**Bold** and ||hidden|| with <@${users.carol}> in <#${general}>\n> quoted\n<img src=x onerror="window.__pwned=1">`,
		});
		const bob = page.locator('.message[data-author="Bob"]', { hasText: 'Plans' }).last();
		await bob.waitFor();
		expect(await bob.locator('.content h1').textContent()).toBe('Plans');
		expect(await bob.locator('.content strong').textContent()).toBe('Bold');
		expect(await bob.locator('.content .spoiler').textContent()).toBe('hidden');
		expect(await bob.locator('.content .user-mention').textContent()).toBe('@Carol');
		expect(await bob.locator('.content .channel-mention').textContent()).toBe('#general');
		expect(await bob.locator('.content blockquote').textContent()).toBe('quoted');
		expect(await bob.locator('.content img').count()).toBe(0);
		expect(await page.evaluate(() => window.__pwned)).toBeUndefined();

		await webhook.send({ content: 'Hehehe, sure, Lois.\n-# simulated', username: 'Peter Griffin', avatarURL: outsideAvatar });
		const peter = page.locator('.message[data-author="Peter Griffin"]').last();
		await peter.waitFor();
		expect(await peter.locator('.content .markdown').textContent()).toBe('Hehehe, sure, Lois.');
		expect(await peter.locator('.tag').allTextContents()).toEqual(['APP', 'SIMULATED']);

		await webhook.send({
			username: 'Charbot',
			embeds: [
				{
					author: { name: 'Stewie Griffin', icon_url: 'https://api.dicebear.com/9.x/adventurer/png?seed=charbot-stewie' },
					description: 'Victory is *mine*!',
					color: 0x9b59b6,
					fields: [{ name: 'Mood', value: '**smug**', inline: true }],
					footer: { text: 'asked by Alice' },
				},
			],
		});
		const embed = page.locator('.embed', { hasText: 'Victory is mine!' });
		await embed.waitFor();
		expect(await embed.locator('.embed-author').textContent()).toBe('Stewie Griffin');
		expect(await embed.locator('.embed-author-icon').getAttribute('src')).toBe('/_emu/avatars/character.svg?name=Stewie%20Griffin');
		expect(await embed.locator('.embed-description em').textContent()).toBe('mine');
		expect(await embed.locator('.embed-field-value strong').textContent()).toBe('smug');
		expect(await embed.locator('.embed-footer').textContent()).toBe('asked by Alice');
		expect(await embed.evaluate((node) => getComputedStyle(node).borderLeftColor)).toBe('rgb(155, 89, 182)');
	});

	it('draws every avatar locally, distinct per user and per character, and has a favicon', async () => {
		await webhook.send({ content: 'Blast!', username: 'Stewie Griffin', avatarURL: 'https://api.dicebear.com/9.x/adventurer/png?seed=charbot-stewie' });
		await webhook.send({ content: 'Giggity.', username: 'Glenn Quagmire', avatarURL: outsideAvatar });
		await page.locator('.message[data-author="Glenn Quagmire"]').waitFor();
		const avatars = await page.locator('#messages .message > img.avatar').evaluateAll((images) =>
			images.map((image) => ({
				author: image.closest('.message')?.getAttribute('data-author'),
				src: image.getAttribute('src'),
				loaded: (image as unknown as PageImage).naturalWidth > 0,
			})),
		);
		const byAuthor = new Map(avatars.map((avatar) => [avatar.author, avatar]));
		expect(byAuthor.get('Peter Griffin')?.src).toBe('/_emu/avatars/character.svg?name=Peter%20Griffin');
		const sources = [...byAuthor.values()].map((avatar) => avatar.src ?? '');
		expect(sources.every((src) => src.startsWith('/_emu/avatars/'))).toBe(true);
		const drawings = await Promise.all(sources.map(async (src) => (await fetch(new URL(src, emulator.url))).text()));
		expect(new Set(drawings).size).toBe(byAuthor.size);
		await expect
			.poll(() => page.locator('#messages img.avatar').evaluateAll((images) => images.every((image) => (image as unknown as PageImage).naturalWidth > 0)))
			.toBe(true);

		expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe('/favicon.svg');
		for (const path of ['favicon.svg', 'favicon.ico']) {
			const response = await fetch(`${emulator.url}${path}`);
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toBe('image/svg+xml');
		}
		const origin = new URL(emulator.url).origin;
		expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([]);
	});

	it('completes @ into real mention syntax with the keyboard and the mouse', async () => {
		const input = page.locator('#message-input');
		await input.fill('');
		await input.pressSequentially('Hey @bo');
		const picker = page.locator('#mention-picker');
		await picker.locator('li').first().waitFor();
		expect(await picker.locator('li .picker-name').allTextContents()).toEqual(['Bob']);
		await input.press('Enter');
		expect(await input.inputValue()).toBe(`Hey <@${users.bob}> `);
		expect(await picker.isHidden()).toBe(true);

		await input.pressSequentially('and @');
		await picker.locator('li').first().waitFor();
		const names = await picker.locator('li .picker-name').allTextContents();
		expect(names).toEqual(expect.arrayContaining(['Charbot', 'Alice', '@Moderators', '@everyone']));
		await input.pressSequentially('cha');
		expect(await picker.locator('li .picker-name').allTextContents()).toEqual(['Charbot']);
		await input.press('Tab');
		expect(await input.inputValue()).toBe(`Hey <@${users.bob}> and <@${emulator.botUser.id}> `);

		await input.pressSequentially('ask @m');
		await picker.locator('li[data-kind="role"]').click();
		expect(await input.inputValue()).toBe(`Hey <@${users.bob}> and <@${emulator.botUser.id}> ask <@&${moderators}> `);

		await input.pressSequentially('@e');
		await picker.locator('li').first().waitFor();
		await input.press('ArrowDown');
		await input.press('ArrowUp');
		await input.press('Escape');
		expect(await picker.isHidden()).toBe(true);
		expect(await input.inputValue()).toMatch(/ @e$/);
		await input.press('Backspace');
		await input.press('Backspace');

		const received = nextEvent(client, Events.MessageCreate, (message: Message) => (message.content.startsWith('Hey <@') ? message : undefined));
		await input.press('Enter');
		const message = await received;
		expect([...message.mentions.users.keys()].sort()).toEqual([users.bob, emulator.botUser.id].sort());
		expect([...message.mentions.roles.keys()]).toEqual([moderators]);
		const shown = page.locator('.message[data-author="Alice"]', { hasText: 'Hey' }).last();
		await shown.waitFor();
		expect(await shown.locator('.mention').allTextContents()).toEqual(['@Bob', '@Charbot', '@Moderators']);
	});

	it('replies to a message: the bot gets message_reference and the page shows the replied-to snippet', async () => {
		const peter = page.locator('.message[data-author="Peter Griffin"]').last();
		const peterId = await peter.getAttribute('data-message-id');
		await peter.hover();
		await peter.locator('[data-action="reply"]').click();
		await page.locator('#reply-bar').waitFor({ state: 'visible' });
		expect(await page.locator('#reply-target').textContent()).toBe('Peter Griffin');
		const received = nextEvent(client, Events.MessageCreate, (message: Message) => (message.content === 'Really, Peter?' ? message : undefined));
		await page.fill('#message-input', 'Really, Peter?');
		await page.press('#message-input', 'Enter');
		const message = await received;
		expect(message.type).toBe(MessageType.Reply);
		expect(message.reference?.messageId).toBe(peterId);
		const shown = page.locator('.message', { hasText: 'Really, Peter?' });
		await shown.waitFor();
		expect(await shown.locator('.reply-to .author-name').textContent()).toBe('@Peter Griffin');
		expect(await shown.locator('.reply-to .reply-snippet').textContent()).toBe('Hehehe, sure, Lois.');
		// The page clears the bar when its POST returns, which may be after the feed showed the message.
		await page.locator('#reply-bar').waitFor({ state: 'hidden' });
	});

	it('shows an ephemeral reply only to the member who ran the command', async () => {
		await page.selectOption('#command-select', 'secret');
		await page.click('#run-command');
		const secret = page.locator('.message.ephemeral', { hasText: 'Your secret is safe.' });
		await secret.waitFor();
		expect(await secret.locator('.ephemeral-note').textContent()).toContain('Only you can see this');
		expect(await secret.locator('.content strong').textContent()).toBe('secret');
		await page.selectOption('#author-select', users.bob ?? '');
		expect(await secret.isHidden()).toBe(true);
		await page.selectOption('#author-select', users.alice ?? '');
		expect(await secret.isVisible()).toBe(true);
	});

	it('attaches an image: the bot gets a Discord-shaped attachment served by the emulator, and the page shows it inline', async () => {
		const dataUrl = await page.evaluate(() => {
			const canvas = document.createElement('canvas');
			canvas.width = 40;
			canvas.height = 30;
			const context = canvas.getContext('2d');
			if (context) {
				context.fillStyle = '#e74c3c';
				context.fillRect(0, 0, 40, 30);
			}
			return canvas.toDataURL('image/png');
		});
		const png = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
		await page.setInputFiles('#attach-input', { name: 'my drawing.png', mimeType: 'image/png', buffer: png });
		await page.locator('.attachment-chip[data-filename="my drawing.png"]').waitFor();
		const received = nextEvent(client, Events.MessageCreate, (message: Message) => (message.attachments.size > 0 ? message : undefined));
		await page.fill('#message-input', 'What is in this picture?');
		await page.press('#message-input', 'Enter');
		const message = await received;
		const attachment = message.attachments.first();
		expect(attachment).toMatchObject({ name: 'my_drawing.png', contentType: 'image/png', size: png.length, width: 40, height: 30 });
		expect(attachment?.url.startsWith(`${emulator.url}_emu/attachments/${general}/${attachment?.id}/`)).toBe(true);
		expect(attachment?.proxyURL).toBe(attachment?.url);
		const served = await fetch(attachment?.url ?? '');
		expect(served.headers.get('content-type')).toBe('image/png');
		expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);

		const image = page.locator('.message', { hasText: 'What is in this picture?' }).locator('img.attachment-image');
		await image.waitFor();
		await expect.poll(() => image.evaluate((node) => (node as unknown as PageImage).naturalWidth)).toBe(40);
		await page.locator('#attachment-tray').waitFor({ state: 'hidden' });
	});

	it("shows a character's picture (a webhook upload through discord.js) inline, served with its bytes", async () => {
		const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
		await webhook.send({ content: 'Here is my sketch', username: 'Peter Griffin', files: [{ attachment: png, name: 'sketch.png' }] });
		const [attachment] = emulator.control.transcript(general).at(-1)?.attachments ?? [];
		expect(attachment).toMatchObject({ filename: 'sketch.png', contentType: 'image/png', width: 1, height: 1, size: png.length });
		const served = await fetch(new URL(attachment?.url ?? '', emulator.url));
		expect(served.headers.get('content-type')).toBe('image/png');
		expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
		const image = page.locator('.message', { hasText: 'Here is my sketch' }).locator('img.attachment-image');
		await image.waitFor();
		await expect.poll(() => image.evaluate((node) => (node as unknown as PageImage).naturalWidth)).toBe(1);
	});

	it('refuses attachments Discord would refuse, naming the field', async () => {
		const post = (attachments: unknown) =>
			fetch(`${emulator.url}_emu/channels/${general}/messages`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ authorId: users.alice, content: '', attachments }),
			});
		const notBase64 = await post([{ filename: 'a.png', data: 'not base64!' }]);
		expect(notBase64.status).toBe(400);
		expect(((await notBase64.json()) as { error: string }).error).toContain('attachments.0.data');
		const tooBig = await post([{ filename: 'big.bin', data: Buffer.alloc(10 * 1024 * 1024 + 1).toString('base64') }]);
		expect(tooBig.status).toBe(400);
		expect(((await tooBig.json()) as { error: string }).error).toContain("attachments.0: big.bin is 10485761 bytes; Discord's upload limit is 10 MiB");
		expect(pageErrors).toEqual([]);
	});
});
