import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type DiscordEmulator, startDiscordEmulator } from '@charbot/discord-emulator';
import {
	ActionRowBuilder,
	ButtonBuilder,
	ButtonStyle,
	type Client,
	Events,
	GatewayIntentBits,
	type Interaction,
	type MessageReaction,
	type PartialMessageReaction,
	StringSelectMenuBuilder,
	type TextChannel,
	type PartialUser,
	type User,
} from 'discord.js';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatIntents, loginClient, nextEvent } from './loginClient.js';

const chromiumPath = '/usr/bin/chromium';
const artifacts = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

const buttons = (disabled: boolean) =>
	new ActionRowBuilder<ButtonBuilder>().addComponents(
		new ButtonBuilder().setCustomId('regenerate').setLabel('Regenerate').setEmoji('🔁').setStyle(ButtonStyle.Primary).setDisabled(disabled),
		new ButtonBuilder().setURL('https://example.org/peter').setLabel('About Peter').setStyle(ButtonStyle.Link),
	);
const moodMenu = new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(
	new StringSelectMenuBuilder()
		.setCustomId('mood')
		.setPlaceholder('Pick a mood')
		.addOptions({ label: 'Cheerful', value: 'cheerful' }, { label: 'Grumpy', value: 'grumpy' }),
);

describe('components and reactions in the playground page (headless Chromium)', () => {
	let emulator: DiscordEmulator;
	let client: Client<true>;
	let browser: Browser;
	const moods: string[] = [];

	beforeAll(async () => {
		if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing. Install it with: apt-get update && apt-get install -y chromium`);
		emulator = await startDiscordEmulator({ heartbeatIntervalMs: 2000 });
		client = await loginClient(emulator, { intents: [...chatIntents, GatewayIntentBits.GuildMessageReactions] });
		// A stand-in for the regenerate action: the button rewrites the message and disables itself; the menu is acknowledged.
		client.on(Events.InteractionCreate, (interaction: Interaction) => {
			if (interaction.isButton() && interaction.customId === 'regenerate') {
				interaction.update({ content: 'Hehehe, here is another take.', components: [buttons(true), moodMenu] }).catch((error: unknown) => console.error(error));
			} else if (interaction.isStringSelectMenu()) {
				moods.push(...interaction.values);
				interaction.reply(`Mood set to ${interaction.values.join(', ')}.`).catch((error: unknown) => console.error(error));
			}
		});
		browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
	});

	afterAll(async () => {
		await browser?.close();
		await client?.destroy();
		await emulator?.close();
	});

	it('clicks a button, picks from a menu and toggles reactions as the "Write as" member', async () => {
		const general = (await client.channels.fetch(emulator.seed?.channels.general ?? '')) as TextChannel;
		const sent = await general.send({ content: 'Hehehe, what a day.', components: [buttons(false), moodMenu] });
		await sent.react('👍');

		const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
		page.setDefaultTimeout(8000);
		const pageErrors: string[] = [];
		page.on('pageerror', (error) => pageErrors.push(error.message));
		await page.goto(emulator.url);
		await page.locator('[data-channel-name="general"].active').waitFor();
		await page.locator('#connection-state', { hasText: 'live' }).waitFor();
		await page.selectOption('#author-select', { label: 'Bob' });

		const message = page.locator(`.message[data-message-id="${sent.id}"]`);
		const regenerate = message.locator('.component-button[data-custom-id="regenerate"]');
		expect(await regenerate.textContent()).toBe('🔁Regenerate');
		expect(await regenerate.getAttribute('class')).toContain('primary');
		expect(await message.locator('a.component-button.link').getAttribute('href')).toBe('https://example.org/peter');

		await regenerate.click();
		await message.locator('.content', { hasText: 'here is another take' }).waitFor();
		await expect.poll(() => message.locator('.component-button[data-custom-id="regenerate"]').isDisabled()).toBe(true);

		await message.locator('select[data-custom-id="mood"]').selectOption('grumpy');
		await page.locator('.message .content', { hasText: 'Mood set to grumpy.' }).waitFor();
		expect(moods).toEqual(['grumpy']);

		const thumbs = message.locator('.reaction[data-emoji="👍"]');
		expect(await thumbs.locator('.reaction-count').textContent()).toBe('1');
		const reacted = nextEvent(client, Events.MessageReactionAdd, (reaction: MessageReaction | PartialMessageReaction, reactor: User | PartialUser) =>
			reaction.message.id === sent.id ? `${reactor.username} ${reaction.emoji.name}` : undefined,
		);
		await thumbs.click();
		expect(await reacted).toBe('bob 👍');
		await expect.poll(() => message.locator('.reaction[data-emoji="👍"] .reaction-count').textContent()).toBe('2');
		expect(await message.locator('.reaction[data-emoji="👍"]').getAttribute('class')).toContain('mine');

		await message.hover();
		await message.locator('.add-reaction').click();
		await message.locator('.reaction-choice', { hasText: '🎉' }).click();
		await message.locator('.reaction[data-emoji="🎉"]').waitFor();
		mkdirSync(artifacts, { recursive: true });
		await page.screenshot({ path: `${artifacts}discord-emulator-playground-components.png` });

		const unreacted = nextEvent(client, Events.MessageReactionRemove, (reaction: MessageReaction | PartialMessageReaction, reactor: User | PartialUser) =>
			reaction.message.id === sent.id ? `${reactor.username} ${reaction.emoji.name}` : undefined,
		);
		await message.locator('.reaction[data-emoji="👍"]').click();
		expect(await unreacted).toBe('bob 👍');
		await expect.poll(() => message.locator('.reaction[data-emoji="👍"] .reaction-count').textContent()).toBe('1');
		const [view] = emulator.control.transcript(sent.channelId).filter((entry) => entry.id === sent.id);
		expect(view?.reactions.map((reaction) => [reaction.emoji.name, reaction.userIds.length])).toEqual([
			['👍', 1],
			['🎉', 1],
		]);
		expect(pageErrors).toEqual([]);
	}, 30_000);
});
