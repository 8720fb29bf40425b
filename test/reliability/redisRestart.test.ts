import { createLogger, createRedisConnection, waitForRedisReady } from '@charbot/core';
import { waitFor } from '@charbot/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppName, type PlatformHarness, startPlatform } from '../pipeline/platformHarness.js';
import { appProcessIds } from './load/appProcessIds.js';
import { awaitGatewayOutcomes } from './load/awaitGatewayOutcomes.js';
import { collectReplies } from './load/collectReplies.js';
import { createLoadAudience } from './load/createLoadAudience.js';
import { describeQuestionJobs } from './load/describeQuestionJobs.js';
import { echoQuestionScript } from './load/echoQuestionScript.js';
import { expectEachAnsweredOnce } from './load/expectEachAnsweredOnce.js';
import type { SentQuestion } from './load/SentQuestion.js';
import { sendQuestions } from './load/sendQuestions.js';
import { waitForAnswers } from './load/waitForAnswers.js';

const appNames: readonly AppName[] = ['gateway', 'message-router', 'quality-control', 'delivery'];
const downMs = 3000;

/** Prints a figure of the run (vitest shows it beside the test). */
const report = (line: string) => process.stdout.write(`${line}\n`);

let platform: PlatformHarness;
/** Questions posted while Redis was down, by both outages; checked by the last test. */
const askedWhileDown: SentQuestion[] = [];

beforeAll(async () => {
	platform = await startPlatform({ sim: { scripts: [echoQuestionScript], tokensPerSecond: 150 }, env: { WORKER_LOCK_SECONDS: '5' } });
});
afterAll(async () => {
	await platform?.close();
});

function runningApps(): AppName[] {
	return appNames.filter((name) => {
		const child = platform.apps.get(name)?.child;
		return child !== undefined && child.exitCode === null && child.signalCode === null;
	});
}

/**
 * Sends 120 questions over 12 s and takes Redis away for 3 s from the 4th second (`stop` decides how), then checks that
 * every question the gateway enqueued is answered exactly once, with the same app processes throughout.
 */
async function loadThroughOutage(tag: string, stop: () => Promise<void>): Promise<void> {
	const audience = await createLoadAudience(platform, { tag, channels: 5, members: 25 });
	const pidsBefore = appProcessIds(platform, appNames);
	let outage: Promise<void> | undefined;
	let down: { from: number; to: number } | undefined;
	const questions = await sendQuestions(platform, audience, {
		tag,
		count: 120,
		durationMs: 12_000,
		onSent: (_question, index) => {
			if (index !== 40) return;
			outage = (async () => {
				const from = Date.now();
				await stop();
				await new Promise((resolve) => setTimeout(resolve, downMs));
				await platform.redis.start();
				down = { from, to: Date.now() };
			})();
		},
	});
	await outage;
	if (down === undefined) throw new Error('the outage did not happen');
	const window = down;
	askedWhileDown.push(...questions.filter((question) => question.sentAt >= window.from && question.sentAt <= window.to));

	const { accepted, refused } = await awaitGatewayOutcomes(platform, questions, 20_000);
	const wait = await waitForAnswers(platform, accepted, 90_000);
	report(
		`${tag}: Redis down ${window.to - window.from} ms; gateway enqueued ${accepted.length}/${questions.length}, ` +
			`${refused.length} failed, ` +
			`accepted ones answered after ${wait.waitedMs} ms, ${wait.unanswered.length} unanswered`,
	);
	if (wait.unanswered.length > 0) report(`unanswered:\n${(await describeQuestionJobs(platform, wait.unanswered)).join('\n')}`);
	// Room for a late second answer (a job run again after the outage) to show up.
	await new Promise((resolve) => setTimeout(resolve, 8000));
	expect(runningApps(), 'apps still running').toEqual(appNames);
	expect(appProcessIds(platform, appNames), 'the same app processes as before the outage').toEqual(pidsBefore);
	// The first questions were sent with Redis up: a run where nothing was accepted proves nothing.
	expect(accepted.length).toBeGreaterThanOrEqual(40);
	expectEachAnsweredOnce(platform, accepted, refused);
}

/** Asks Redis to fsync every write, so a crash loses nothing it acknowledged. */
async function fsyncEveryWrite(): Promise<void> {
	const connection = createRedisConnection({
		url: platform.redis.url,
		role: 'producer',
		logger: createLogger({ name: 'test', level: 'silent', format: 'json' }),
	});
	try {
		await waitForRedisReady(connection);
		await connection.config('SET', 'appendfsync', 'always');
	} finally {
		connection.disconnect();
	}
}

describe('Redis restarts under load', () => {
	it('a clean restart (SIGTERM: the append-only file is flushed) loses no accepted question and answers none twice; no app restarts', async () => {
		await loadThroughOutage('clean', () => platform.redis.stop());
	});

	it('a crash (SIGKILL) with appendfsync always loses no accepted question and answers none twice; no app restarts', async () => {
		// The harness runs Redis with `appendfsync everysec`, where a crash may drop up to a second of acknowledged writes
		// (jobs the gateway counted as enqueued); `always` is what a deployment that must lose nothing runs.
		await fsyncEveryWrite();
		await loadThroughOutage('crash', () => platform.redis.stop({ crash: true }));
	});

	it('Redis going away while replies are on their way to Discord: each reply is still posted exactly once', async () => {
		// The first replies are held back by 429s with a 4 s Retry-After (discord.js waits inside the delivery job), Redis stops
		// right after, and the wait ends while Redis is still down: the posts go out while the delivery ledger cannot be written.
		const audience = await createLoadAudience(platform, { tag: 'inflight', channels: 4, members: 12 });
		const { control } = platform.emulator;
		const limitedBefore = control.stats().rest.injectedRateLimits;
		control.injectRateLimit({ route: 'POST /webhooks/:webhookId/:token', count: 8, retryAfterMs: 4000 });
		const questions = await sendQuestions(platform, audience, { tag: 'inflight', count: 24, durationMs: 2000 });
		await waitFor(() => control.stats().rest.injectedRateLimits - limitedBefore >= 4, 'deliveries to be held by the 429 storm', 60_000);
		await new Promise((resolve) => setTimeout(resolve, 300));
		await platform.redis.stop();
		await new Promise((resolve) => setTimeout(resolve, 6000));
		await platform.redis.start();

		const { accepted } = await awaitGatewayOutcomes(platform, questions, 20_000);
		const wait = await waitForAnswers(platform, accepted, 90_000);
		report(
			`inflight: ${accepted.length}/${questions.length} enqueued, ${control.stats().rest.injectedRateLimits - limitedBefore} held by 429s, ` +
				`answered ${wait.waitedMs} ms after Redis came back, ${wait.unanswered.length} unanswered`,
		);
		await new Promise((resolve) => setTimeout(resolve, 8000));
		expect(accepted).toHaveLength(questions.length);
		expectEachAnsweredOnce(platform, accepted);
	});

	it('questions that arrive while Redis is down are answered later or the member is told, never dropped silently', async () => {
		expect(askedWhileDown.length, 'questions posted during the outages').toBeGreaterThan(0);
		const channelIds = [...new Set(askedWhileDown.map((question) => question.channelId))];
		const replies = collectReplies(platform, channelIds);
		const botMessages = channelIds.flatMap((channelId) => platform.botMessages(channelId));
		const dropped = askedWhileDown.filter((question) => {
			const answers = replies.filter((reply) => reply.token === question.token);
			const told = botMessages.some((message) => message.replyTo === question.messageId || message.content.includes(`<@${question.authorId}>`));
			return answers.length !== 1 && !told;
		});
		expect(
			dropped.map((question) => question.token),
			`of ${askedWhileDown.length} questions asked while Redis was down, these got neither one answer nor a note`,
		).toEqual([]);
	});
});
