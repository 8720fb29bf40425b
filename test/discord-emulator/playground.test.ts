import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type DiscordEmulator, startDiscordEmulator } from '@charbot/discord-emulator';
import { type Client, Events, type Interaction, type Message, SlashCommandBuilder, type TextChannel, type Webhook } from 'discord.js';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginClient } from './loginClient.js';

const chromiumPath = '/usr/bin/chromium';
const artifacts = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

describe('the playground page in headless Chromium', () => {
	let emulator: DiscordEmulator;
	let client: Client<true>;
	let browser: Browser;

	beforeAll(async () => {
		if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing. Install it with: apt-get update && apt-get install -y chromium`);
		emulator = await startDiscordEmulator({ heartbeatIntervalMs: 2000 });
		client = await loginClient(emulator);
		const general = (await client.channels.fetch(emulator.seed?.channels.general ?? '')) as TextChannel;
		const webhook: Webhook = await general.createWebhook({ name: 'Charbot characters' });
		// A stand-in for the real pipeline: answer anyone who names Peter, in his name, through the webhook.
		client.on(Events.MessageCreate, (message: Message) => {
			if (message.author.bot || message.webhookId || !message.content.includes('Peter')) return;
			webhook.send({ content: 'Hehehe, not much. Want to go to the Clam?', username: 'Peter Griffin' }).catch((error: unknown) => console.error(error));
		});
		await client.application.commands.set(
			[
				new SlashCommandBuilder()
					.setName('ask')
					.setDescription('Ask a character')
					.addStringOption((option) => option.setName('question').setDescription('What').setRequired(true))
					.toJSON(),
			],
			emulator.seed?.guildId ?? '',
		);
		client.on(Events.InteractionCreate, (interaction: Interaction) => {
			if (!interaction.isChatInputCommand()) return;
			interaction.reply(`You asked: ${interaction.options.getString('question')}`).catch((error: unknown) => console.error(error));
		});
		browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
	});

	afterAll(async () => {
		await browser?.close();
		await client?.destroy();
		await emulator?.close();
	});

	it('shows a message typed as a user and the bot webhook reply under the character name, and runs a slash command', async () => {
		const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
		page.setDefaultTimeout(8000);
		const pageErrors: string[] = [];
		page.on('pageerror', (error) => pageErrors.push(error.message));
		await page.goto(emulator.url);
		await expect.poll(() => page.locator('#banner').textContent()).toContain('LOCAL DISCORD EMULATOR');
		await page.locator('[data-channel-name="general"].active').waitFor();
		await page.locator('#connection-state', { hasText: 'live' }).waitFor();

		await page.selectOption('#author-select', { label: 'Bob' });
		await page.fill('#message-input', 'Hey Peter, <b>what</b> is up?');
		await page.press('#message-input', 'Enter');
		const mine = page.locator('.message[data-author="Bob"] .content .markdown', { hasText: 'Hey Peter' });
		await mine.waitFor();
		// Rendered as text, never as HTML.
		expect(await mine.textContent()).toBe('Hey Peter, <b>what</b> is up?');
		expect(await page.locator('.message[data-author="Bob"] .content b').count()).toBe(0);

		const reply = page.locator('.message[data-author="Peter Griffin"]');
		await reply.waitFor();
		expect(await reply.locator('.content .markdown').textContent()).toBe('Hehehe, not much. Want to go to the Clam?');
		expect(await reply.locator('.tag').textContent()).toBe('APP');
		expect(emulator.control.transcript(emulator.seed?.channels.general ?? '').map((message) => message.author.displayName)).toEqual(['Bob', 'Peter Griffin']);

		await page.selectOption('#command-select', 'ask');
		await page.fill('#command-options input[name="question"]', 'Is the Clam open?');
		await page.click('#run-command');
		await page.locator('.message[data-author="Charbot"] .content', { hasText: 'You asked: Is the Clam open?' }).waitFor();
		await page.locator('#command-result', { hasText: 'replied' }).waitFor();

		mkdirSync(artifacts, { recursive: true });
		await page.screenshot({ path: `${artifacts}discord-emulator-playground.png` });
		expect(existsSync(`${artifacts}discord-emulator-playground.png`)).toBe(true);
		expect(pageErrors).toEqual([]);
	}, 30_000);
});
