import { existsSync } from 'node:fs';
import { type DiscordEmulator, startDiscordEmulator } from '@charbot/discord-emulator';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const chromiumPath = '/usr/bin/chromium';
const userId = '111111111111111111';
const roleId = '222222222222222222';
const channelId = '333333333333333333';

/** The page module's exports, loaded into the test page as `window.markdown`. */
interface Markdown {
	renderMarkdown(text: string, lookup: unknown, options?: unknown): unknown;
	formatTimestamp(seconds: number, style: string, now?: number): string;
}

// Page callbacks run in Chromium; the repo compiles without the DOM library, so the browser globals they use are declared here.
interface PageElement {
	innerHTML: string;
	textContent: string | null;
	classList: { contains(name: string): boolean };
	append(...nodes: unknown[]): void;
	click(): void;
	querySelector(selector: string): PageElement | null;
	querySelectorAll(selector: string): { length: number };
}
declare const window: { markdown: Markdown; __pwned?: number };
declare const document: { body: PageElement; createElement(tag: string): PageElement };

/** Renders markdown with the page's own module in Chromium and returns the resulting HTML. */
async function render(page: Page, text: string, options: { inline?: boolean; now?: number } = {}): Promise<string> {
	return page.evaluate(
		({ text, options, ids }) => {
			const { renderMarkdown } = window.markdown;
			const lookup = {
				userName: (id: string) => (id === ids.userId ? 'Alice' : 'unknown-user'),
				role: (id: string) => (id === ids.roleId ? { name: 'Moderators', color: 0x3498db } : undefined),
				channelName: (id: string) => (id === ids.channelId ? 'general' : 'unknown-channel'),
			};
			const box = document.createElement('div');
			box.append(renderMarkdown(text, lookup, options));
			return box.innerHTML;
		},
		{ text, options, ids: { userId, roleId, channelId } },
	);
}

describe('Discord markdown in the playground, rendered by the page module in Chromium', () => {
	let emulator: DiscordEmulator;
	let browser: Browser;
	let page: Page;

	beforeAll(async () => {
		if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing. Install it with: apt-get update && apt-get install -y chromium`);
		emulator = await startDiscordEmulator({ seed: false });
		browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
		page = await browser.newPage();
		// A bare page on the emulator's origin that loads the real module from the emulator, without the playground's start-up.
		await page.route(`${emulator.url}markdown-harness.html`, (route) =>
			route.fulfill({
				contentType: 'text/html',
				body: `<!doctype html><script type="module">import * as markdown from '/renderMarkdown.js'; window.markdown = markdown;</script>`,
			}),
		);
		await page.goto(`${emulator.url}markdown-harness.html`);
		await page.waitForFunction(() => 'markdown' in window);
	});

	afterAll(async () => {
		await browser?.close();
		await emulator?.close();
	});

	it('renders inline styles as Discord does, including nesting and escapes', async () => {
		expect(await render(page, '**bold** *it* _it_ __under__ ~~gone~~ `x < y`')).toBe(
			'<strong>bold</strong> <em>it</em> <em>it</em> <u>under</u> <s>gone</s> <code class="inline-code">x &lt; y</code>',
		);
		expect(await render(page, '***both*** __*under it*__')).toBe('<strong><em>both</em></strong> <u><em>under it</em></u>');
		expect(await render(page, 'snake_case_name and 2*3*4')).toBe('snake_case_name and 2<em>3</em>4');
		expect(await render(page, '\\*not italic\\* and \\`not code\\`')).toBe('*not italic* and `not code`');
		expect(await render(page, 'line one\nline two')).toBe('line one<br>line two');
	});

	it('renders spoilers hidden until clicked', async () => {
		const html = await render(page, 'the end: ||he was a ghost||');
		expect(html).toContain('<span class="spoiler" tabindex="0" role="button" aria-label="Spoiler, select to reveal">he was a ghost</span>');
		const revealed = await page.evaluate(() => {
			const { renderMarkdown } = window.markdown;
			const box = document.createElement('div');
			box.append(renderMarkdown('||secret||', { userName: () => '', channelName: () => '' }));
			document.body.append(box);
			const spoiler = box.querySelector('.spoiler');
			if (!spoiler) return null;
			const before = spoiler.classList.contains('revealed');
			spoiler.click();
			return { before, after: spoiler.classList.contains('revealed') };
		});
		expect(revealed).toEqual({ before: false, after: true });
	});

	it('renders block syntax: code blocks, quotes, headings, subtext and lists', async () => {
		expect(await render(page, '```js\nconst a = "<b>";\n```')).toBe('<pre class="code-block"><code data-lang="js">const a = "&lt;b&gt;";</code></pre>');
		expect(await render(page, '> quoted\n> twice\nafter')).toBe('<blockquote class="quote">quoted<br>twice</blockquote>after');
		expect(await render(page, '>>> all\nof this')).toBe('<blockquote class="quote">all<br>of this</blockquote>');
		expect(await render(page, '# One\n## Two\n### Three\n#### not a heading')).toBe(
			'<h1 class="md-heading">One</h1><h2 class="md-heading">Two</h2><h3 class="md-heading">Three</h3>#### not a heading',
		);
		expect(await render(page, '#no space is text')).toBe('#no space is text');
		expect(await render(page, '-# small print')).toBe('<small class="subtext">small print</small>');
		expect(await render(page, '- one\n- two\n  - nested\n3. three')).toBe(
			'<ul class="md-list"><li>one</li><li>two<ul class="md-list"><li>nested</li></ul></li><li>three</li></ul>',
		);
		expect(await render(page, '2. second\n3. third')).toBe('<ol class="md-list" start="2"><li>second</li><li>third</li></ol>');
		// Inside code, nothing is markdown.
		expect(await render(page, '`**not bold** <@111111111111111111>`')).toBe('<code class="inline-code">**not bold** &lt;@111111111111111111&gt;</code>');
	});

	it('renders mentions as pills with names, role colours and channel links', async () => {
		const html = await render(page, `hi <@${userId}> <@!${userId}> <@&${roleId}> <#${channelId}> @everyone @here <@999999999999999999>`);
		expect(html).toBe(
			[
				'hi ',
				`<span class="mention user-mention" data-user-id="${userId}">@Alice</span> `,
				`<span class="mention user-mention" data-user-id="${userId}">@Alice</span> `,
				`<span class="mention role-mention" data-role-id="${roleId}" style="--role-color: #3498db;">@Moderators</span> `,
				`<span class="mention channel-mention" data-channel-id="${channelId}" role="link" tabindex="0">#general</span> `,
				'<span class="mention">@everyone</span> <span class="mention">@here</span> ',
				'<span class="mention user-mention" data-user-id="999999999999999999">@unknown-user</span>',
			].join(''),
		);
	});

	it('shows custom emoji as their name and timestamps in the reader’s time', async () => {
		expect(await render(page, '<:pog:123456789012345678> <a:dance:123456789012345679>')).toBe(
			'<span class="custom-emoji" title=":pog: (custom emoji 123456789012345678)">:pog:</span> <span class="custom-emoji" title=":dance: (custom emoji 123456789012345679)">:dance:</span>',
		);
		const now = Date.UTC(2024, 0, 1, 12, 0, 0);
		const seconds = now / 1000;
		const relative = await page.evaluate(
			({ seconds, now }) => {
				const { formatTimestamp } = window.markdown;
				return [formatTimestamp(seconds - 3 * 3600, 'R', now), formatTimestamp(seconds + 2 * 86400, 'R', now), formatTimestamp(seconds - 30, 'R', now)];
			},
			{ seconds, now },
		);
		expect(relative).toEqual(['3 hours ago', 'in 2 days', '30 seconds ago']);
		const html = await render(page, `<t:${seconds}:D> and <t:${seconds}>`, { now });
		const expected = await page.evaluate(
			(ms) => [
				new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(ms)),
				new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit' }).format(new Date(ms)),
			],
			now,
		);
		expect(html).toContain(`datetime="2024-01-01T12:00:00.000Z"`);
		expect(html).toContain(`>${expected[0]}</time>`);
		expect(html).toContain(`>${expected[1]}</time>`);
	});

	it('renders masked links and URLs as safe anchors only for http(s)', async () => {
		expect(await render(page, '[the docs](https://discord.com/developers "API") and https://example.com/a_b.')).toBe(
			'<a class="link" href="https://discord.com/developers" target="_blank" rel="noopener noreferrer nofollow" title="API">the docs</a> and ' +
				'<a class="link" href="https://example.com/a_b" target="_blank" rel="noopener noreferrer nofollow" title="https://example.com/a_b">https://example.com/a_b</a>.',
		);
		// No javascript: links, and a masked link whose text is another URL stays as written (Discord's anti-phishing rule).
		expect(await render(page, '[click](javascript:alert(1))')).toBe('[click](javascript:alert(1))');
		expect(await render(page, '[https://bank.com](https://evil.example)')).toBe('[https://bank.com](https://evil.example)');
	});

	it('never turns hostile text into markup or script, and stays fast on pathological input', async () => {
		const hostile = [
			'<img src=x onerror="window.__pwned=1">',
			'<script>window.__pwned=1</script>',
			'**<svg onload="window.__pwned=1">**',
			'[<b>x</b>](https://a.example/"onmouseover="window.__pwned=1)',
			'```\n</code></pre><img src=x onerror=window.__pwned=1>\n```',
			'> <iframe src="javascript:window.__pwned=1">',
		];
		const outcome = await page.evaluate(async (texts) => {
			const { renderMarkdown } = window.markdown;
			const box = document.createElement('div');
			document.body.append(box);
			for (const text of texts) box.append(renderMarkdown(text, { userName: () => '', channelName: () => '' }));
			await new Promise((resolve) => setTimeout(resolve, 50));
			return {
				dangerous: box.querySelectorAll('img, script, svg, iframe, [onerror], [onload], [onmouseover]').length,
				pwned: window.__pwned ?? 0,
				text: box.textContent,
			};
		}, hostile);
		expect(outcome).toMatchObject({ dangerous: 0, pwned: 0 });
		expect(outcome.text).toContain('<img src=x onerror="window.__pwned=1">');
		const elapsedMs = await page.evaluate(() => {
			const { renderMarkdown } = window.markdown;
			const lookup = { userName: () => '', channelName: () => '' };
			const started = performance.now();
			for (const text of ['*'.repeat(4000), '**_~~||'.repeat(570), '> '.repeat(2000), `${'['.repeat(2000)}](https://a.b)`, '`'.repeat(4000)])
				renderMarkdown(text, lookup);
			return performance.now() - started;
		});
		expect(elapsedMs).toBeLessThan(1000);
	});
});
