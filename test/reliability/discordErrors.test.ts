import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PlatformHarness, startPlatform } from '../pipeline/platformHarness.js';
import { createLoadAudience } from './load/createLoadAudience.js';
import { describeQuestionJobs } from './load/describeQuestionJobs.js';
import { echoQuestionScript } from './load/echoQuestionScript.js';
import { expectEachAnsweredOnce } from './load/expectEachAnsweredOnce.js';
import { findEarlyRequests } from './load/findEarlyRequests.js';
import type { RecordedRequest } from './load/RecordedRequest.js';
import type { SentQuestion } from './load/SentQuestion.js';
import { sendQuestions } from './load/sendQuestions.js';
import { type RecordingProxy, startRecordingProxy } from './load/startRecordingProxy.js';
import { waitForAnswers } from './load/waitForAnswers.js';

const webhookRoute = 'POST /webhooks/:webhookId/:token';

/** Prints a figure of the run (vitest shows it beside the test). */
const report = (line: string) => process.stdout.write(`${line}\n`);

let platform: PlatformHarness;
let proxy: RecordingProxy;

beforeAll(async () => {
	platform = await startPlatform({ sim: { scripts: [echoQuestionScript], tokensPerSecond: 400 } });
	// Delivery (the only app that posts replies) talks to Discord through a proxy that logs when each request came.
	proxy = await startRecordingProxy(platform.emulator.apiUrl);
	platform.env.DISCORD_API_URL = proxy.apiUrl;
	await platform.stopApp('delivery');
	await platform.startApp('delivery');
});
afterAll(async () => {
	await platform?.close();
	await proxy?.close();
});

/** Webhook posts (replies) the proxy saw since `from`. */
function webhookPosts(from: number): RecordedRequest[] {
	return proxy.requests.filter((request) => request.arrivedAt >= from && request.method === 'POST' && /\/webhooks\/\d+\/[^/]+$/.test(request.path));
}

/** Sends 100 questions over 10 s across 5 fresh channels, calling `fault` at the 25th, then waits for the answers. */
async function loadWithFault(tag: string, fault: () => void): Promise<{ questions: SentQuestion[]; startedAt: number }> {
	const audience = await createLoadAudience(platform, { tag, channels: 5, members: 25 });
	const startedAt = Date.now();
	const questions = await sendQuestions(platform, audience, { tag, count: 100, durationMs: 10_000, onSent: (_question, index) => index === 25 && fault() });
	const wait = await waitForAnswers(platform, questions, 90_000);
	const posts = webhookPosts(startedAt);
	report(
		`${tag}: answered ${questions.length - wait.unanswered.length}/${questions.length} ${wait.waitedMs} ms after the last question; ` +
			`${posts.length} webhook posts, by status ${JSON.stringify(countBy(posts.map((post) => String(post.status))))}`,
	);
	if (wait.unanswered.length > 0) report(`unanswered:\n${(await describeQuestionJobs(platform, wait.unanswered)).join('\n')}`);
	// Room for a late second copy of a reply (a delivery retried after it posted) to show up.
	await new Promise((resolve) => setTimeout(resolve, 5000));
	return { questions, startedAt };
}

/** The smallest margin (ms) by which a repeat request to a rate-limited webhook came after its Retry-After, for the log. */
function closestRetryMargin(posts: readonly RecordedRequest[]): number | undefined {
	const margins = posts.flatMap((limited) => {
		if (limited.status !== 429 || limited.retryAfterMs === undefined) return [];
		const next = posts.find((post) => post.path === limited.path && post.arrivedAt > limited.answeredAt);
		return next === undefined ? [] : [next.arrivedAt - limited.answeredAt - limited.retryAfterMs];
	});
	return margins.length === 0 ? undefined : Math.min(...margins);
}

function countBy(values: readonly string[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
	return counts;
}

describe('Discord errors while replies are delivered', () => {
	it('a per-route 429 storm: no webhook is called again before its Retry-After, and every reply is delivered once', async () => {
		const { questions, startedAt } = await loadWithFault('ratelimit', () => {
			// Every reply post gets a 429 for 4 s (Retry-After: the time left), then the next 20 get one with 2 s.
			platform.emulator.control.injectRateLimit({ route: webhookRoute, durationMs: 4000 });
			setTimeout(() => platform.emulator.control.injectRateLimit({ route: webhookRoute, count: 20, retryAfterMs: 2000 }), 4500);
		});
		const posts = webhookPosts(startedAt);
		report(`ratelimit: a webhook was called again at the earliest ${closestRetryMargin(posts)} ms after its Retry-After`);
		expect(posts.filter((post) => post.status === 429).length, '429s served').toBeGreaterThanOrEqual(10);
		expect(findEarlyRequests(posts), 'requests sent before their Retry-After').toEqual([]);
		expectEachAnsweredOnce(platform, questions);
	});

	it('a global 429: no reply is posted anywhere before its Retry-After, and every reply is delivered once', async () => {
		const { questions, startedAt } = await loadWithFault('global', () => {
			platform.emulator.control.injectRateLimit({ route: webhookRoute, global: true, count: 3, retryAfterMs: 3000 });
		});
		const sent = proxy.requests.filter((request) => request.arrivedAt >= startedAt);
		expect(sent.filter((request) => request.status === 429 && request.global).length, 'global 429s served').toBe(3);
		expect(findEarlyRequests(sent), 'requests sent before a global Retry-After').toEqual([]);
		expectEachAnsweredOnce(platform, questions);
	});

	it('a burst of 5xx answers: every reply is delivered after the errors stop, none twice', async () => {
		const before = platform.emulator.control.stats().rest.injectedServerErrors;
		const { questions, startedAt } = await loadWithFault('servererrors', () => {
			platform.emulator.control.injectServerErrors({ route: webhookRoute, count: 30, status: 503 });
			platform.emulator.control.injectServerErrors({ route: webhookRoute, count: 30, status: 500 });
			platform.emulator.control.injectServerErrors({ route: webhookRoute, count: 20, status: 502 });
		});
		expect(platform.emulator.control.stats().rest.injectedServerErrors - before, '5xx answers served').toBe(80);
		const posts = webhookPosts(startedAt);
		const lastError = Math.max(...posts.filter((post) => post.status >= 500).map((post) => post.answeredAt));
		expect(posts.filter((post) => post.status === 200 && post.arrivedAt > lastError).length, 'replies posted after the burst').toBeGreaterThan(0);
		expectEachAnsweredOnce(platform, questions);
	});
});
