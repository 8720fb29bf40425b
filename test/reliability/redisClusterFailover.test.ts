import { Keyspace } from '@charbot/core';
import { Redis } from 'ioredis';
import { QueueName } from '@charbot/contracts';
import { type RedisClusterNode, waitFor } from '@charbot/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppName, type PlatformHarness, startPlatform } from '../pipeline/platformHarness.js';
import { appProcessIds } from './load/appProcessIds.js';
import { awaitGatewayOutcomes } from './load/awaitGatewayOutcomes.js';
import { createLoadAudience } from './load/createLoadAudience.js';
import { describeQuestionJobs } from './load/describeQuestionJobs.js';
import { echoQuestionScript } from './load/echoQuestionScript.js';
import { expectEachAnsweredOnce } from './load/expectEachAnsweredOnce.js';
import { sendQuestions } from './load/sendQuestions.js';
import { waitForAnswers } from './load/waitForAnswers.js';

const appNames: readonly AppName[] = ['gateway', 'message-router', 'quality-control', 'delivery'];

/** Prints a figure of the run (vitest shows it beside the test). */
const report = (line: string) => process.stdout.write(`${line}\n`);

let platform: PlatformHarness;
let keys: Keyspace;

beforeAll(async () => {
	// The cluster's nodes fail over after 2 s unreachable (`cluster-node-timeout`), the test kit's default.
	platform = await startPlatform({ sim: { scripts: [echoQuestionScript], tokensPerSecond: 150 }, env: { WORKER_LOCK_SECONDS: '5' }, redisCluster: true });
	keys = new Keyspace(platform.prefix);
});
afterAll(async () => {
	await platform?.close();
});

/**
 * Sends 120 questions over 12 s and SIGKILLs the master that serves `key` after the 40th, so its replica takes over;
 * then checks that every question the gateway enqueued is answered exactly once, by the same app processes. The killed
 * node is started again afterwards and rejoins as a replica, so the next scenario has a replica to promote too.
 */
async function loadThroughFailover(tag: string, key: string): Promise<void> {
	const cluster = platform.cluster;
	if (cluster === undefined) throw new Error('the platform runs without a Redis Cluster');
	const audience = await createLoadAudience(platform, { tag, channels: 5, members: 25 });
	const pidsBefore = appProcessIds(platform, appNames);
	let failover: Promise<{ killed: RedisClusterNode; shortBytes: number; promotedAfterMs: number; healthyAfterMs: number }> | undefined;
	const questions = await sendQuestions(platform, audience, {
		tag,
		count: 120,
		durationMs: 12_000,
		onSent: (_question, index) => {
			if (index !== 40) return;
			failover = (async () => {
				const killed = await cluster.masterOf(key);
				// Replication is asynchronous: what the master acknowledged but its replica had not yet read is lost with it.
				const offsetBeforeKill = await replicationInfo(killed, /master_repl_offset:(\d+)/);
				const from = Date.now();
				await killed.stop({ crash: true });
				await waitFor(async () => (await cluster.masterOf(key).catch(() => killed)).port !== killed.port, `a replica promoted for ${key}`, 30_000);
				const promotedAfterMs = Date.now() - from;
				// The promoted replica's `second_repl_offset` is one past the last byte of the old master's stream it had.
				const replicated = (await replicationInfo(await cluster.masterOf(key), /second_repl_offset:(-?\d+)/)) - 1;
				const shortBytes = Math.max(0, offsetBeforeKill - replicated);
				await cluster.waitHealthy();
				return { killed, shortBytes, promotedAfterMs, healthyAfterMs: Date.now() - from };
			})();
		},
	});
	const outcome = await failover;
	if (outcome === undefined) throw new Error('the failover did not happen');

	const { accepted, refused } = await awaitGatewayOutcomes(platform, questions, 30_000);
	const wait = await waitForAnswers(platform, accepted, 90_000);
	report(
		`${tag}: master ${outcome.killed.port} killed (its replica had all but ${outcome.shortBytes} bytes of its stream as of just before), its replica promoted after ${outcome.promotedAfterMs} ms, cluster ok after ` +
			`${outcome.healthyAfterMs} ms; gateway enqueued ${accepted.length}/${questions.length}, ${refused.length} refused; ` +
			`accepted ones answered ${wait.waitedMs} ms after the last question, ${wait.unanswered.length} unanswered`,
	);
	if (refused.length > 0) report(`refused by the gateway:\n${refusalReasons(refused.map((question) => question.messageId)).join('\n')}`);
	if (wait.unanswered.length > 0) report(`unanswered:\n${(await describeQuestionJobs(platform, wait.unanswered)).join('\n')}`);
	// Room for a late second answer (a job run again after the failover) to show up.
	await new Promise((resolve) => setTimeout(resolve, 8000));

	await outcome.killed.start();
	await waitFor(
		async () => (await cluster.state()).some((node) => node.port === outcome.killed.port && node.role === 'replica' && !node.failed),
		'the killed master back as a replica',
		30_000,
	);
	await cluster.waitHealthy();

	expect(appProcessIds(platform, appNames), 'the same app processes as before the failover').toEqual(pidsBefore);
	// The gateway holds a message while the cluster promotes the replica and enqueues it after: none is refused.
	expect(refused, 'questions the gateway did not enqueue').toEqual([]);
	expectEachAnsweredOnce(platform, questions);
}

describe('a Redis Cluster master killed under load', () => {
	it("the master of the route queue's slot: its replica takes over, every accepted question is answered exactly once", async () => {
		await loadThroughFailover('route', `${keys.queuePrefix(QueueName.Route)}:${QueueName.Route}:wait`);
	});

	it("the master of the guild's slot (history, cooldowns, turns, budgets, the delivery ledger): every accepted question answered exactly once", async () => {
		await loadThroughFailover('guild', keys.channelHistory(platform.emulator.seed?.guildId ?? null, 'any'));
	});

	it("the master of the deliver queue's slot: every accepted question answered exactly once", async () => {
		await loadThroughFailover('deliver', `${keys.queuePrefix(QueueName.Deliver)}:${QueueName.Deliver}:wait`);
	});
});

/** Why the gateway failed each of these messages: the error it logged, counted by text. */
function refusalReasons(messageIds: readonly string[]): string[] {
	const reasons = new Map<string, number>();
	for (const line of (platform.apps.get('gateway')?.output ?? []).join('').split('\n')) {
		if (!line.startsWith('{') || !messageIds.some((id) => line.includes(id)) || !line.includes('failed; no character was asked')) continue;
		const entry = JSON.parse(line) as { err?: { message?: string } };
		const reason = entry.err?.message ?? '(no error message)';
		reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
	}
	return [...reasons].map(([reason, count]) => `  ${count}× ${reason}`);
}

/** A number from a node's `INFO replication`. */
async function replicationInfo(node: RedisClusterNode, field: RegExp): Promise<number> {
	const connection = new Redis({ host: node.host, port: node.port, lazyConnect: true, maxRetriesPerRequest: 0 });
	try {
		await connection.connect();
		return Number(field.exec(await connection.info('replication'))?.[1] ?? Number.NaN);
	} finally {
		connection.disconnect();
	}
}
