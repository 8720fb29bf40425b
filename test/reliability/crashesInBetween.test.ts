import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, createRedisConnection, Keyspace, waitForRedisReady } from '@charbot/core';
import { CharbotQueue, messageJobId, QueueName } from '@charbot/contracts';
import { ChannelHistory } from '@charbot/stores';
import { waitFor } from '@charbot/testkit';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PlatformHarness, seededUser, startPlatform } from '../pipeline/platformHarness.js';
import { createLoadAudience } from './load/createLoadAudience.js';
import { describeQuestionJobs } from './load/describeQuestionJobs.js';
import { echoQuestionScript } from './load/echoQuestionScript.js';
import { expectEachAnsweredOnce } from './load/expectEachAnsweredOnce.js';
import { type HoldingProxy, startHoldingProxy } from './load/startHoldingProxy.js';
import { sendQuestions } from './load/sendQuestions.js';
import { waitForAnswers } from './load/waitForAnswers.js';

/** Prints a figure of the run (vitest shows it beside the test). */
const report = (line: string) => process.stdout.write(`${line}\n`);
const silentLogger = createLogger({ name: 'test', level: 'silent', format: 'json' });
const webhookPost = (method: string, path: string) => method === 'POST' && /\/webhooks\/\d+\/[^/]+$/.test(path);

let platform: PlatformHarness;
let proxy: HoldingProxy;
let spoolDir: string;
let redis: Redis;

beforeAll(async () => {
	spoolDir = await mkdtemp(join(tmpdir(), 'charbot-spool-'));
	// Short locks make a killed worker's jobs come back (and stall) quickly; the delivery claim lasts twice as long (4 s).
	platform = await startPlatform({
		sim: { scripts: [echoQuestionScript], tokensPerSecond: 400 },
		env: { WORKER_LOCK_SECONDS: '2', GATEWAY_SPOOL_DIR: spoolDir },
	});
	// Every app talks to Discord through a proxy that can keep one answer from its client.
	proxy = await startHoldingProxy(platform.emulator.apiUrl);
	platform.env.DISCORD_API_URL = proxy.apiUrl;
	await platform.stopApp('delivery');
	await platform.startApp('delivery');
	redis = createRedisConnection({ url: platform.redis.url, role: 'producer', logger: silentLogger });
	await waitForRedisReady(redis);
});
afterAll(async () => {
	redis?.disconnect();
	await platform?.close();
	await proxy?.close();
	if (spoolDir !== undefined) await rm(spoolDir, { recursive: true, force: true });
});

/** The gateway's `charbot_gateway_held_messages` now. */
async function heldByGateway(): Promise<number> {
	const app = platform.apps.get('gateway');
	if (app === undefined) return 0;
	const text = await (await fetch(`${app.healthUrl}/metrics`)).text();
	const line = text.split('\n').find((each) => each.startsWith('charbot_gateway_held_messages '));
	return Number(line?.split(' ')[1] ?? 0);
}

describe('a crash between two steps loses nothing and doubles nothing', () => {
	it('messages the gateway holds during a Redis outage survive a SIGKILL of the gateway: answered once after it restarts', async () => {
		const audience = await createLoadAudience(platform, { tag: 'spool', channels: 4, members: 16 });
		const before = await sendQuestions(platform, audience, { tag: 'spoolup', count: 8, durationMs: 1000 });
		const answeredBefore = await waitForAnswers(platform, before, 30_000);
		expect(answeredBefore.unanswered).toEqual([]);

		await platform.redis.stop();
		const held = await sendQuestions(platform, audience, { tag: 'spooldown', count: 40, durationMs: 3000 });
		await waitFor(async () => (await heldByGateway()) === held.length, `the gateway to hold all ${held.length} messages`, 15_000);
		const spoolFiles = await readdir(spoolDir);
		await platform.killApp('gateway');
		const killedAt = Date.now();
		await platform.redis.start();
		await platform.startApp('gateway');
		const restartedMs = Date.now() - killedAt;

		const wait = await waitForAnswers(platform, held, 60_000);
		report(
			`spool: ${held.length} messages held when the gateway was SIGKILLed (spool files ${spoolFiles.join(', ')}); gateway back after ` +
				`${restartedMs} ms; ${held.length - wait.unanswered.length} answered ${wait.waitedMs} ms later, ${wait.unanswered.length} unanswered`,
		);
		if (wait.unanswered.length > 0) report(`unanswered:\n${(await describeQuestionJobs(platform, wait.unanswered)).join('\n')}`);
		// Room for a second answer (a message replayed twice) to show up.
		await new Promise((resolve) => setTimeout(resolve, 4000));
		expectEachAnsweredOnce(platform, [...before, ...held]);
		// Every held message was handled: nothing is left to replay on the next start.
		await waitFor(async () => (await readdir(spoolDir)).length === 0, 'the spool to be compacted away', 10_000);
	});

	it('a reply part posted by a delivery process killed before it could record it is not posted again', async () => {
		const audience = await createLoadAudience(platform, { tag: 'posted', channels: 3, members: 6 });
		const rounds = 3;
		const questions = [];
		const recoveredMs: number[] = [];
		for (let round = 0; round < rounds; round += 1) {
			// Discord takes the post, but delivery never hears back: it dies before it can record the message.
			const answer = proxy.holdNextAnswer(webhookPost);
			const asked = await sendQuestions(platform, audience, { tag: `posted${round}`, count: 3, durationMs: 300 });
			questions.push(...asked);
			const posted = await answer;
			expect(posted.status).toBe(200);
			await platform.killApp('delivery');
			const killedAt = Date.now();
			await platform.startApp('delivery');
			const wait = await waitForAnswers(platform, asked, 30_000);
			recoveredMs.push(Date.now() - killedAt);
			expect(wait.unanswered).toEqual([]);
		}
		// The killed attempts' claims run out 4 s after they were taken: room for a second post to show up.
		await new Promise((resolve) => setTimeout(resolve, 6000));
		report(
			`posted: ${rounds} delivery kills right after Discord took a part; all ${questions.length} answered, each ${recoveredMs.join(', ')} ms after its kill`,
		);
		expectEachAnsweredOnce(platform, questions);
		// The attempt that found a killed attempt's post wrote what that one never could: each reply is in the history once.
		const history = new ChannelHistory(redis, new Keyspace(platform.prefix));
		const guildId = platform.emulator.seed?.guildId ?? null;
		for (const question of questions) {
			const answers = (await history.recent(guildId, question.channelId)).filter((entry) => entry.answers === question.messageId);
			expect(answers, `the history's answers to ${question.messageId}`).toHaveLength(1);
		}
	});

	it('an /ask whose route job fails by stalling (its worker killed every time) gets the no-good-answer notice', async () => {
		const guildId = platform.emulator.seed?.guildId ?? '';
		const channelId = platform.emulator.control.createChannel(guildId, { name: 'ask-stalled' }).id;
		const prefix = new Keyspace(platform.prefix).queuePrefix(QueueName.Route);
		const routeQueue = new CharbotQueue(QueueName.Route, { connection: redis, prefix });
		// Every generation hangs: the route job stays active until its worker dies.
		await platform.sim.setBehavior({ fault: 'hang' });
		try {
			const { id } = platform.emulator.control.invokeCommand({
				channelId,
				userId: seededUser(platform, 'carol'),
				name: 'ask',
				options: { character: 'Peter', message: 'what did the fox say?' },
			});
			const jobKey = messageJobId(id, 'peter');
			const startedAt = Date.now();
			let kills = 0;
			let seenStarts = 0;
			for (;;) {
				let state = undefined as 'active' | 'failed' | undefined;
				await waitFor(
					async () => {
						const job = await routeQueue.getJob(jobKey);
						const current = job === undefined ? undefined : await job.getState();
						if (current === 'failed') state = 'failed';
						else if (current === 'active' && job !== undefined && job.attemptsStarted > seenStarts) {
							state = 'active';
							seenStarts = job.attemptsStarted;
						}
						return state !== undefined;
					},
					'the route job to be taken again or to fail',
					20_000,
				);
				if (state === 'failed') break;
				await platform.killApp('message-router');
				kills += 1;
				await platform.startApp('message-router');
			}
			const failed = await routeQueue.getJob(jobKey);
			expect(failed?.failedReason).toMatch(/stalled/);
			const view = await platform.emulator.control
				.waitForInteraction(id, (current) => current.original?.content.includes("couldn't come up with a good answer") === true, 15_000)
				.catch(() => platform.emulator.control.interactionResponses(id));
			report(
				`stalled: /ask route job killed ${kills} times, failed "${failed?.failedReason}" after ${Date.now() - startedAt} ms; ` +
					`the member reads: ${JSON.stringify(view.original?.content ?? null)}`,
			);
			expect(view.original?.content).toMatch(/^Sorry — Peter\b.* couldn't come up with a good answer this time\. Try asking another way\.$/);
		} finally {
			await platform.sim.setBehavior({ fault: 'none' });
			await routeQueue.close();
		}
	});
});
