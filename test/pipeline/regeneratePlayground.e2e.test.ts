import { existsSync, mkdirSync } from 'node:fs';
import { resolveFromRoot } from '@charbot/core';
import { variedLineFor } from '@charbot/testkit';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PlatformHarness, seededChannel, startPlatform } from './platformHarness.js';

const chromiumPath = '/usr/bin/chromium';

describe('regenerating a reply from the playground page (headless Chromium, whole platform)', () => {
	let platform: PlatformHarness;
	let browser: Browser;
	let takes = 0;

	beforeAll(async () => {
		if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing. Install it with: apt-get update && apt-get install -y chromium`);
		[platform, browser] = await Promise.all([
			startPlatform({ sim: { scripts: [{ match: /cheese-boat/, reply: () => variedLineFor(`cheese-take-${++takes}`) }] } }),
			chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] }),
		]);
	});

	afterAll(async () => {
		await browser?.close();
		await platform?.close();
	});

	it("the asker's 🔄 click rewrites Peter's reply in place; another member is told privately who may", async () => {
		const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
		page.setDefaultTimeout(20_000);
		const pageErrors: string[] = [];
		page.on('pageerror', (error) => pageErrors.push(error.message));
		await page.goto(platform.emulator.url);
		await page.locator('[data-channel-name="general"].active').waitFor();
		await page.locator('#connection-state', { hasText: 'live' }).waitFor();
		await page.selectOption('#author-select', { label: 'Alice' });
		await page.fill('#message-input', 'Peter, what is your boat made of? cheese-boat');
		await page.press('#message-input', 'Enter');

		const peter = page.locator('.message[data-author="Peter Griffin"]');
		await peter.locator('.content', { hasText: 'cheese-take-1' }).waitFor();
		const reply = peter.first();
		const messageId = await reply.getAttribute('data-message-id');
		const button = reply.locator('.component-button[data-custom-id="charbot:regen"]');
		expect(await button.textContent()).toBe('🔄Regenerate');
		expect(await button.getAttribute('class')).toContain('secondary');

		await button.click();
		const edited = page.locator(`.message[data-message-id="${messageId}"]`);
		await edited.locator('.content', { hasText: 'cheese-take-2' }).waitFor();
		await edited.locator('.edited').waitFor();
		expect(await peter.count()).toBe(1);
		expect(await edited.locator('.component-button[data-custom-id="charbot:regen"]').count()).toBe(1);

		await page.selectOption('#author-select', { label: 'Bob' });
		await edited.locator('.component-button[data-custom-id="charbot:regen"]').click();
		const told = page.locator('.message.ephemeral .content', { hasText: 'Only Alice can regenerate this reply' });
		await told.waitFor();
		mkdirSync(resolveFromRoot('test-artifacts'), { recursive: true });
		await page.screenshot({ path: resolveFromRoot('test-artifacts/playground-regenerate.png') });
		// The refusal is Bob's alone: Alice's view does not show it, and the reply is unchanged.
		await page.selectOption('#author-select', { label: 'Alice' });
		await expect.poll(() => told.isVisible()).toBe(false);
		expect(await edited.locator('.content').textContent()).toContain('cheese-take-2');
		expect(takes).toBe(2);
		expect(platform.botMessages(seededChannel(platform, 'general')).filter((message) => message.content.includes('cheese-take'))).toHaveLength(1);
		expect(pageErrors).toEqual([]);
	}, 90_000);
});
