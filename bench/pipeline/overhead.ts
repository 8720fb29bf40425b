// The pipeline's own overhead: Discord event → character reply posted, through every queue, with the apps as real
// processes and an Ollama simulator that answers at once. Measures latency at a fixed 200 messages/s, steps the rate
// up to find the highest one the pipeline sustains, and relates it to what Redis can do (redis-benchmark, and the
// commands each message costs). Writes the `pipeline-overhead` section of bench/RESULTS.md; exits non-zero when a
// message was left unanswered or answered twice, never for a missed timing target.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SettingsStore } from '@charbot/stores';
import { createLogger, createRedisConnection, Keyspace, waitForRedisReady } from '@charbot/core';
import { startRedisServer, variedLineFor } from '@charbot/testkit';
import type { Redis } from 'ioredis';
import { type PlatformHarness, startPlatform } from '../../test/pipeline/platformHarness.js';
import { describeMachine, percentile, reportTargets, writeResultsSection } from '../benchReport.js';
import { bullmqScriptNames } from './bullmqScriptNames.js';
import { type BullmqFloor, floorKeptUp, measureBullmqFloor } from './measureBullmqFloor.js';
import { overheadProcessCpu } from './overheadProcessCpu.js';
import { type ProcessRedisTraffic, type RedisCommandsByProcess, recordRedisCommands } from './overheadRedisByApp.js';
import { type RedisBenchmarkRow, runRedisBenchmark } from './overheadRedisBenchmark.js';
import { diffRedisUsage, type RedisUsageDelta, readRedisUsage } from './overheadRedisUsage.js';
import { overheadStageBreakdown, type StageBreakdown } from './overheadStageBreakdown.js';
import { type AskedQuestion, type ReplyLatencies, recordReplyLatencies } from './replyLatencies.js';
import { type SendAtRateResult, sendAtRate } from './sendAtRate.js';

const characterId = 'peter';
const channelCount = 128;
const memberCount = 32;
const fixedRate = 200;
const fixedWarmUpMs = 3000;
const fixedMeasuredMs = 15_000;
const stepRates = [40, 100, 200, 400, 700, 1000, 1400, 2000];
const stepMs = 8000;
/** A step kept up when it delivered this share of the offered rate while sending... */
const keptUpShare = 0.95;
/** ...with this p99... */
const keptUpP99Ms = 1000;
/** ...and had answered every message this long after its last one was sent. */
const keptUpDrainMs = 2000;
/** How long a step that fell behind may take to drain before the next measure. */
const maxDrainMs = 45_000;
const deliveryRateLimit = 100_000;
const redisBenchmarkRequests = 100_000;
/** Quiet time in which Redis's background load (no messages) is measured, to leave it out of the per-message figures. */
const idleMs = 3000;
const tokenPattern = /ov\d+x/;
/** The load under which Redis's MONITOR records who sends what (MONITOR slows Redis: kept apart from the timed runs). */
const profileRate = 100;
const profileMs = 3000;
/** CPU per message of the four apps and Redis at 200 msg/s on 2026-12-05, before [lean]: the target is half of it. */
const cpuBeforeLeanMs = 8.8;
const workerConcurrency = 64;
// Reply words, picked by the base-8 digits of a question's number within its channel: two replies in one channel
// always differ in at least one pick, so quality control never sees a repeat (it rejects ≥ 80% word-trigram overlap).
// No word names a character: a reply naming one would make that character answer it (banter).
const logger = createLogger({ name: 'bench', level: 'silent', format: 'json' });

/** One run of open-loop load and what it cost. */
interface LoadRun {
	readonly rate: number;
	readonly questions: AskedQuestion[];
	readonly sender: SendAtRateResult;
	/** Every question of the run answered, when the last answer came (`performance.now()`); undefined when not drained in time. */
	readonly drainedAt: number | undefined;
	readonly redis: RedisUsageDelta;
	/** CPU seconds per process while sending (the load's steady state; the drain after it is left out). */
	readonly cpu: Readonly<Record<ProcessName, number>>;
	/** Wall seconds of the whole run, its drain included (the window of `redis`). */
	readonly wallSeconds: number;
}

type ProcessName = 'bench' | 'gateway' | 'message-router' | 'quality-control' | 'delivery' | 'redis-server';
const processNames: readonly ProcessName[] = ['bench', 'gateway', 'message-router', 'quality-control', 'delivery', 'redis-server'];

/** The platform with the bench's view of it: who asks, where, and how answers are recorded. */
interface Bench {
	readonly platform: PlatformHarness;
	readonly monitor: Redis;
	readonly redisPid: number | undefined;
	readonly replies: ReplyLatencies;
	readonly channels: readonly string[];
	readonly members: readonly string[];
	readonly asked: AskedQuestion[];
}

function replyFor(lastUserMessage: string): string {
	// Worded anew for every question: quality control fails a character repeating its own recent line.
	return variedLineFor(tokenPattern.exec(lastUserMessage)?.[0] ?? 'that');
}

async function startBench(): Promise<Bench> {
	const platform = await startPlatform({
		sim: {
			scripts: [{ match: tokenPattern, reply: ({ lastUserMessage }) => replyFor(lastUserMessage) }],
			numParallel: 256,
			maxQueue: 100_000,
			timeToFirstTokenMs: 0,
			tokensPerSecond: 1_000_000,
			promptTokensPerSecond: 10_000_000,
		},
		env: {
			LOG_LEVEL: 'warn',
			WORKER_CONCURRENCY: String(workerConcurrency),
			MAX_CONCURRENT_REQUESTS: '64',
			DELIVERY_RATE_LIMIT: String(deliveryRateLimit),
			DISCORD_GLOBAL_RATE_LIMIT: String(deliveryRateLimit),
			// 32 members send thousands of messages: fair share's budgets would refuse most of them, and we measure overhead.
			MEMBER_GENERATION_BUDGET: '0',
			GUILD_GENERATION_BUDGET: '0',
		},
	});
	const { control, seed } = platform.emulator;
	const guildId = seed?.guildId;
	if (guildId === undefined) throw new Error('the emulator has no seeded guild');
	const channels = Array.from({ length: channelCount }, (_, index) => control.createChannel(guildId, { name: `overhead-${index}` }).id);
	const members = Array.from({ length: memberCount }, (_, index) => {
		const user = control.createUser({ username: `overhead-member-${index}` });
		control.addMember(guildId, user.id);
		return user.id;
	});
	const monitor = createRedisConnection({ url: platform.redis.url, role: 'producer', logger });
	await waitForRedisReady(monitor);
	// No cooldown may drop a message: every member may ask as often as the load says.
	await new SettingsStore(monitor, new Keyspace(platform.prefix)).update(guildId, { userCooldownSeconds: 0, channelCooldownSeconds: 0 });
	const redisPid = Number(/^process_id:(\d+)/m.exec(await monitor.info('server'))?.[1]) || undefined;
	const replies = recordReplyLatencies(control, { tokenPattern, author: 'Peter Griffin', listenForMs: 15 * 60_000 });
	return { platform, monitor, redisPid, replies, channels, members, asked: [] };
}

/** Posts one question as a member, naming Peter in a mention-only channel: exactly one character must answer. */
function ask(bench: Bench): AskedQuestion {
	const number = bench.asked.length;
	const token = `ov${number}x`;
	const channelId = bench.channels[number % bench.channels.length] as string;
	const authorId = bench.members[Math.floor(number / bench.channels.length) % bench.members.length] as string;
	const sentAt = performance.now();
	const posted = bench.platform.emulator.control.postMessage({ channelId, authorId, content: `Peter, what do you think about ${token}?` });
	const question = { token, channelId, messageId: posted.id, sentAt };
	bench.asked.push(question);
	bench.replies.ask(question);
	return question;
}

function readCpu(bench: Bench): Record<ProcessName, number> {
	const own = process.cpuUsage();
	return {
		bench: (own.user + own.system) / 1e6,
		gateway: overheadProcessCpu(bench.platform.apps.get('gateway')?.child.pid),
		'message-router': overheadProcessCpu(bench.platform.apps.get('message-router')?.child.pid),
		'quality-control': overheadProcessCpu(bench.platform.apps.get('quality-control')?.child.pid),
		delivery: overheadProcessCpu(bench.platform.apps.get('delivery')?.child.pid),
		'redis-server': overheadProcessCpu(bench.redisPid),
	};
}

/** Resolves with the time of the last answer once every question has one, or undefined after `timeoutMs`. */
async function waitUntilAnswered(replies: ReplyLatencies, questions: readonly AskedQuestion[], timeoutMs: number): Promise<number | undefined> {
	const deadline = performance.now() + timeoutMs;
	let pending = questions;
	for (;;) {
		pending = pending.filter((question) => replies.repliesTo(question.token).length === 0);
		if (pending.length === 0) break;
		if (performance.now() > deadline) return undefined;
		await sleep(50);
	}
	return questions.reduce((last, question) => Math.max(last, replies.repliesTo(question.token)[0] ?? 0), 0);
}

async function runLoad(bench: Bench, rate: number, durationMs: number): Promise<LoadRun> {
	const questions: AskedQuestion[] = [];
	const cpuBefore = readCpu(bench);
	const redisBefore = await readRedisUsage(bench.monitor);
	const wallStart = performance.now();
	const sender = await sendAtRate({ ratePerSecond: rate, durationMs, send: () => questions.push(ask(bench)) });
	const cpuAfter = readCpu(bench);
	const drainedAt = await waitUntilAnswered(bench.replies, questions, maxDrainMs);
	const redisAfter = await readRedisUsage(bench.monitor);
	const cpu = Object.fromEntries(processNames.map((name) => [name, cpuAfter[name] - cpuBefore[name]])) as Record<ProcessName, number>;
	return { rate, questions, sender, drainedAt, redis: diffRedisUsage(redisBefore, redisAfter), cpu, wallSeconds: (performance.now() - wallStart) / 1000 };
}

/** A step's verdict and figures. */
interface StepResult {
	readonly run: LoadRun;
	readonly sentPerSecond: number;
	readonly deliveredPerSecond: number;
	readonly p50Ms: number;
	readonly p99Ms: number;
	readonly drainMs: number | undefined;
	readonly keptUp: boolean;
}

function judgeStep(bench: Bench, run: LoadRun): StepResult {
	const { sender } = run;
	const sendEnd = sender.startedAt + sender.elapsedMs;
	const deliveredPerSecond = bench.replies.repliesBetween(sender.startedAt, sendEnd) / (sender.elapsedMs / 1000);
	const latencies = bench.replies.latencies(run.questions);
	const p99Ms = percentile(latencies, 0.99);
	const drainMs = run.drainedAt === undefined ? undefined : Math.max(0, run.drainedAt - sendEnd);
	const keptUp = deliveredPerSecond >= keptUpShare * run.rate && p99Ms <= keptUpP99Ms && drainMs !== undefined && drainMs <= keptUpDrainMs;
	return { run, sentPerSecond: sender.sent / (sender.elapsedMs / 1000), deliveredPerSecond, p50Ms: percentile(latencies, 0.5), p99Ms, drainMs, keptUp };
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(value < 100 ? 1 : 0) : '–');
const perSecond = (value: number) => (Number.isFinite(value) ? value.toFixed(0) : '–');
const cpuPercent = (run: LoadRun, name: ProcessName) => `${((run.cpu[name] / (run.sender.elapsedMs / 1000)) * 100).toFixed(0)}%`;

/** Redis work per message over a run, less what an idle platform does in as much time (BullMQ's blocking reads, stalled checks...). */
function redisPerMessage(run: LoadRun, idle: IdleRedis): { calls: number; scripts: number; cpuMicros: number } {
	const messages = run.questions.length;
	return {
		calls: Math.max(0, run.redis.totalCalls - idle.callsPerSecond * run.wallSeconds) / messages,
		scripts: Math.max(0, run.redis.scriptCalls - idle.scriptCallsPerSecond * run.wallSeconds) / messages,
		cpuMicros: (Math.max(0, run.redis.cpuSeconds - idle.cpuSecondsPerSecond * run.wallSeconds) * 1e6) / messages,
	};
}

const appNames = ['gateway', 'message-router', 'quality-control', 'delivery'] as const;

/** CPU milliseconds one process spent per message while a run was sending. */
function cpuMsPerMessage(run: LoadRun, name: ProcessName): number {
	return (run.cpu[name] * 1000) / Math.max(1, run.questions.length);
}

/** CPU milliseconds per message of the four apps and Redis together (the bench process's emulator and simulator left out). */
function platformCpuMsPerMessage(run: LoadRun): number {
	return [...appNames, 'redis-server' as const].reduce((sum, name) => sum + cpuMsPerMessage(run, name), 0);
}

/** The highest floor step kept up with every step before it kept up too. */
function floorSustained(floor: BullmqFloor): number | undefined {
	let sustained: number | undefined;
	for (const step of floor.steps) {
		if (!floorKeptUp(step)) break;
		sustained = step.rate;
	}
	return sustained;
}

/** One app's MONITOR figures per message: what it sent, what its scripts ran, BullMQ's scripts and its own commands named. */
function summarizeTraffic(
	traffic: ProcessRedisTraffic | undefined,
	messages: number,
): { sent: number; inner: number; bullmqScripts: string; ownCommands: string } {
	if (traffic === undefined) return { sent: 0, inner: 0, bullmqScripts: '', ownCommands: '' };
	const perMessage = (count: number) => (count / Math.max(1, messages)).toFixed(count / messages >= 10 ? 0 : 1);
	const bullmq = [...traffic.scripts].filter(([name]) => name.startsWith('bullmq '));
	const bullmqCalls = new Map(bullmq.map(([name, counts]) => [name, counts.calls]));
	let bullmqSent = 0;
	for (const calls of bullmqCalls.values()) bullmqSent += calls;
	const own = [...traffic.sent]
		.map(([command, calls]): [string, number] => [command, command === 'evalsha' ? calls - bullmqSent : calls])
		.filter(([command, calls]) => calls / messages >= 0.05 && !['bzpopmin', 'bzpopmax'].includes(command))
		.sort((left, right) => right[1] - left[1])
		.map(([command, calls]) => `${command} ${perMessage(calls)}`);
	return {
		sent: [...traffic.sent.values()].reduce((sum, calls) => sum + calls, 0) / Math.max(1, messages),
		inner: traffic.innerCommands / Math.max(1, messages),
		bullmqScripts: bullmq
			.filter(([, counts]) => counts.calls / messages >= 0.05)
			.sort((left, right) => right[1].innerCommands - left[1].innerCommands)
			.map(([name, counts]) => `${name.slice('bullmq '.length)} ${perMessage(counts.calls)} × ${(counts.innerCommands / Math.max(1, counts.calls)).toFixed(0)}`)
			.join(', '),
		ownCommands: own.join(', '),
	};
}

/** What Redis does per second while the platform waits for messages. */
interface IdleRedis {
	readonly callsPerSecond: number;
	readonly scriptCallsPerSecond: number;
	readonly cpuSecondsPerSecond: number;
	readonly byCommand: readonly (readonly [string, number])[];
}

async function measureIdleRedis(bench: Bench, durationMs: number): Promise<IdleRedis> {
	const before = await readRedisUsage(bench.monitor);
	await sleep(durationMs);
	const delta = diffRedisUsage(before, await readRedisUsage(bench.monitor));
	const seconds = durationMs / 1000;
	return {
		callsPerSecond: delta.totalCalls / seconds,
		scriptCallsPerSecond: delta.scriptCalls / seconds,
		cpuSecondsPerSecond: delta.cpuSeconds / seconds,
		byCommand: delta.byCommand.map(([command, calls]) => [command, calls / seconds] as const),
	};
}

/** Counts every question's replies: none is lost, none doubled; replies landing elsewhere or naming no question are strays. */
function checkExactlyOnce(bench: Bench): { missing: number; doubled: number; strays: number } {
	let missing = 0;
	let doubled = 0;
	for (const question of bench.asked) {
		const count = bench.replies.repliesTo(question.token).length;
		if (count === 0) missing += 1;
		if (count > 1) doubled += 1;
	}
	return { missing, doubled, strays: bench.replies.strays.length };
}

/** Cross-checks the listener against the emulator's stored transcripts (what members see), channel by channel. */
function checkTranscripts(bench: Bench): { mismatches: number; channels: number } {
	let mismatches = 0;
	let channels = 0;
	for (const channelId of bench.channels) {
		const transcript = bench.platform.emulator.control.transcript(channelId);
		const replies = transcript.filter((message) => message.fromBot && message.author.kind === 'webhook');
		const questions = transcript.filter((message) => message.author.kind === 'user');
		// The transcript keeps the newest 1,000 messages of a channel; only complete ones are comparable.
		if (questions.length !== bench.asked.filter((question) => question.channelId === channelId).length) continue;
		channels += 1;
		const answers = new Map<string, number>();
		for (const reply of replies) {
			const token = tokenPattern.exec(reply.content)?.[0];
			if (token !== undefined) answers.set(token, (answers.get(token) ?? 0) + 1);
		}
		for (const question of questions) if (answers.get(tokenPattern.exec(question.content)?.[0] ?? '') !== 1) mismatches += 1;
	}
	return { mismatches, channels };
}

async function main(): Promise<void> {
	const startedAt = performance.now();
	const bench = await startBench();
	let exitCode = 0;
	try {
		const { platform } = bench;
		process.stdout.write(`platform up in ${((performance.now() - startedAt) / 1000).toFixed(1)} s; warming up\n`);
		// One message per channel creates each channel's webhook; then a short run warms the JIT and connections.
		const warmUp = Array.from({ length: channelCount }, () => ask(bench));
		if ((await waitUntilAnswered(bench.replies, warmUp, 60_000)) === undefined) throw new Error('the warm-up messages were not all answered within 60 s');
		await runLoad(bench, stepRates[0] ?? 40, 3000);
		const idle = await measureIdleRedis(bench, idleMs);

		// Steps first: a fixed rate the pipeline cannot keep up with leaves a backlog that would spoil whatever follows.
		const steps: StepResult[] = [];
		for (const rate of stepRates) {
			const step = judgeStep(bench, await runLoad(bench, rate, stepMs));
			steps.push(step);
			process.stdout.write(
				`step ${rate} msg/s: delivered ${perSecond(step.deliveredPerSecond)}/s, p50 ${ms(step.p50Ms)} ms, p99 ${ms(step.p99Ms)} ms, ${step.keptUp ? 'kept up' : 'fell behind'}\n`,
			);
			if (!step.keptUp) break;
		}
		const sustained = steps.filter((step, index) => step.keptUp && steps.slice(0, index).every((earlier) => earlier.keptUp)).at(-1);
		await waitWhileAnswersArrive(bench.replies, bench.asked);

		process.stdout.write(`fixed rate: ${fixedRate} msg/s for ${(fixedWarmUpMs + fixedMeasuredMs) / 1000} s (first ${fixedWarmUpMs / 1000} s left out)\n`);
		const fixed = await runLoad(bench, fixedRate, fixedWarmUpMs + fixedMeasuredMs);
		// A message still unanswered is either slow or lost: wait as long as answers keep coming.
		await waitWhileAnswersArrive(bench.replies, bench.asked);
		const measured = fixed.questions.slice(Math.round((fixedRate * fixedWarmUpMs) / 1000));
		const fixedLatencies = bench.replies.latencies(measured);
		const epochOffset = performance.timeOrigin;
		const breakdown = await overheadStageBreakdown(
			bench.monitor,
			new Keyspace(platform.prefix),
			characterId,
			measured
				.filter((_, index) => index % 6 === 0)
				.flatMap((question) => {
					const answeredAt = bench.replies.repliesTo(question.token)[0];
					return answeredAt === undefined
						? []
						: [{ messageId: question.messageId, postedAtMs: epochOffset + question.sentAt, answeredAtMs: epochOffset + answeredAt }];
				}),
		);
		process.stdout.write(`  p50 ${ms(percentile(fixedLatencies, 0.5))} ms, p99 ${ms(percentile(fixedLatencies, 0.99))} ms\n`);

		process.stdout.write(`who sends what: Redis MONITOR at ${profileRate} msg/s for ${profileMs / 1000} s\n`);
		const processNames = new Map<number, string>([[process.pid, 'bench']]);
		for (const app of platform.apps.values()) if (app.child.pid !== undefined) processNames.set(app.child.pid, app.name);
		const recorder = await recordRedisCommands(platform.redis.url, processNames, bullmqScriptNames());
		const profiled = await runLoad(bench, profileRate, profileMs);
		const traffic = await recorder.stop();

		await sleep(1000);
		const once = checkExactlyOnce(bench);
		const transcripts = checkTranscripts(bench);
		const llmCalls = platform.sim.stats().requests.byEndpoint['/api/chat'] ?? 0;
		// discord.js logs each wait for its own client-side limits (50 requests/s per process, per-route buckets).
		const rateLimitWaits = [...platform.apps.values()]
			.map(
				(app) =>
					`${app.name} ${
						app.output
							.join('')
							.split('\n')
							.filter((line) => /rate limit (hit|on)/.test(line)).length
					}`,
			)
			.join(', ');

		process.stdout.write('bare-BullMQ floor, in its own process on its own redis-server\n');
		const floor = await measureBullmqFloor({ fixedRate, fixedMs: fixedWarmUpMs + fixedMeasuredMs, stepRates, stepMs, concurrency: workerConcurrency });
		process.stdout.write('redis-benchmark on a second redis-server (same settings)\n');
		const spare = await startRedisServer({ appendOnly: true });
		let benchmark: RedisBenchmarkRow[];
		try {
			benchmark = await runRedisBenchmark(spare.port, redisBenchmarkRequests);
		} finally {
			await spare.close();
		}

		const markdown = report({
			fixed,
			fixedLatencies,
			measuredCount: measured.length,
			breakdown,
			idle,
			steps,
			sustained,
			benchmark,
			floor,
			traffic,
			profiledMessages: profiled.questions.length,
			once,
			transcripts,
			llmCalls,
			rateLimitWaits,
			bench,
			elapsedSeconds: (performance.now() - startedAt) / 1000,
		});
		writeResultsSection('pipeline-overhead', markdown);
		process.stdout.write(`${markdown}\n`);
		const p50 = percentile(fixedLatencies, 0.5);
		const p99 = percentile(fixedLatencies, 0.99);
		const commandsPerMessage = redisPerMessage(fixed, idle).calls;
		const cpuPerMessage = platformCpuMsPerMessage(fixed);
		reportTargets('pipeline-overhead', [
			{ measure: `overhead p50 at ${fixedRate} msg/s (sim instant)`, target: '≤ 5 ms', measured: `${p50.toFixed(1)} ms`, met: p50 <= 5 },
			{ measure: `overhead p99 at ${fixedRate} msg/s`, target: '≤ 20 ms', measured: `${p99.toFixed(1)} ms`, met: p99 <= 20 },
			{
				measure: 'maximum sustained rate (all on this machine)',
				target: '≥ 1,000 msg/s',
				measured: sustained ? `${sustained.run.rate} msg/s` : `< ${stepRates[0]} msg/s`,
				met: (sustained?.run.rate ?? 0) >= 1000,
			},
			{
				measure: `Redis commands per message (scripts' inner calls included; bare BullMQ alone: ${floor.fixed.redisCallsPerMessage.toFixed(0)})`,
				target: '≤ 60',
				measured: commandsPerMessage.toFixed(0),
				met: commandsPerMessage <= 60,
			},
			{
				measure: `CPU per message, four apps and Redis, at ${fixedRate} msg/s`,
				target: `≤ ${(cpuBeforeLeanMs / 2).toFixed(1)} ms (half of ${cpuBeforeLeanMs} ms)`,
				measured: `${cpuPerMessage.toFixed(1)} ms`,
				met: cpuPerMessage <= cpuBeforeLeanMs / 2,
			},
			{
				measure: 'messages answered exactly once',
				target: 'all',
				measured: `${bench.asked.length - once.missing - once.doubled} of ${bench.asked.length}`,
				met: once.missing === 0 && once.doubled === 0,
			},
		]);
		if (once.missing > 0 || once.doubled > 0 || once.strays > 0 || transcripts.mismatches > 0) {
			console.error(
				`correctness: ${once.missing} unanswered, ${once.doubled} answered more than once, ${once.strays} stray replies, ${transcripts.mismatches} transcript mismatches`,
			);
			for (const example of describeFailures(bench)) console.error(example);
			exitCode = 1;
		}
	} catch (error) {
		console.error(error);
		exitCode = 1;
	} finally {
		// OVERHEAD_APP_LOGS=<folder> keeps each app's output (warnings and errors at LOG_LEVEL=warn) for a closer look.
		const logFolder = process.env.OVERHEAD_APP_LOGS;
		if (logFolder !== undefined) {
			mkdirSync(logFolder, { recursive: true });
			for (const app of bench.platform.apps.values()) writeFileSync(join(logFolder, `${app.name}.log`), app.output.join(''));
		}
		bench.replies.stop();
		bench.monitor.disconnect();
		await bench.platform.close();
	}
	// The reply listener's timer would keep the process alive for its full window.
	process.exit(exitCode);
}

/** Waits until every question is answered, or no new answer came for `quietMs`, or `maxMs` passed. */
async function waitWhileAnswersArrive(replies: ReplyLatencies, questions: readonly AskedQuestion[], quietMs = 10_000, maxMs = 120_000): Promise<void> {
	const deadline = performance.now() + maxMs;
	let pending = questions.filter((question) => replies.repliesTo(question.token).length === 0);
	let progressAt = performance.now();
	while (pending.length > 0 && performance.now() < deadline && performance.now() - progressAt < quietMs) {
		await sleep(100);
		const still = pending.filter((question) => replies.repliesTo(question.token).length === 0);
		if (still.length < pending.length) progressAt = performance.now();
		pending = still;
	}
}

/** A few unanswered and doubly answered questions with what the emulator stored for them, to start an investigation. */
function describeFailures(bench: Bench): string[] {
	const lines: string[] = [];
	const unanswered = bench.asked.filter((question) => bench.replies.repliesTo(question.token).length === 0).slice(0, 3);
	const doubled = bench.asked.filter((question) => bench.replies.repliesTo(question.token).length > 1).slice(0, 3);
	for (const question of [...unanswered, ...doubled]) {
		const stored = bench.platform.emulator.control
			.transcript(question.channelId)
			.filter((message) => message.content.includes(question.token))
			.map((message) => `${message.author.kind} ${message.id} ${message.timestamp}: ${message.content}`);
		const arrivals = bench.replies.repliesTo(question.token).map((at) => `+${(at - question.sentAt).toFixed(0)} ms`);
		lines.push(
			`${question.token} (message ${question.messageId}, channel ${question.channelId}) replies at [${arrivals.join(', ')}]:\n  ${stored.join('\n  ')}`,
		);
	}
	return lines;
}

interface ReportInput {
	readonly fixed: LoadRun;
	readonly fixedLatencies: number[];
	readonly measuredCount: number;
	readonly breakdown: StageBreakdown;
	readonly idle: IdleRedis;
	readonly steps: StepResult[];
	readonly sustained: StepResult | undefined;
	readonly benchmark: RedisBenchmarkRow[];
	readonly floor: BullmqFloor;
	readonly traffic: RedisCommandsByProcess;
	readonly profiledMessages: number;
	readonly once: { missing: number; doubled: number; strays: number };
	readonly transcripts: { mismatches: number; channels: number };
	readonly llmCalls: number;
	readonly rateLimitWaits: string;
	readonly bench: Bench;
	readonly elapsedSeconds: number;
}

function report(input: ReportInput): string {
	const { fixed, fixedLatencies, steps, sustained, benchmark } = input;
	const p50 = percentile(fixedLatencies, 0.5);
	const p99 = percentile(fixedLatencies, 0.99);
	const { idle, breakdown } = input;
	const fixedRedis = redisPerMessage(fixed, idle);
	const loadRuns: [string, LoadRun][] = [
		[`${fixedRate} msg/s fixed`, fixed],
		...steps.map((step): [string, LoadRun] => [`step ${step.run.rate} msg/s`, step.run]),
	];
	const unpipelined = benchmark.filter((row) => row.pipeline === 1 && !row.test.startsWith('EVAL'));
	const meanOps = unpipelined.reduce((sum, row) => sum + row.opsPerSecond, 0) / Math.max(1, unpipelined.length);
	const idleCalls = new Map(idle.byCommand);
	const topCommands = fixed.redis.byCommand
		.map(([command, calls]): [string, number] => [command, Math.max(0, calls - (idleCalls.get(command) ?? 0) * fixed.wallSeconds) / fixed.questions.length])
		.sort((left, right) => right[1] - left[1])
		.slice(0, 10)
		.map(([command, calls]) => `${command} ${calls.toFixed(1)}`)
		.join(', ');
	const delivered = [...breakdown.deliverAddedAtMs].sort((left, right) => left - right);
	const sampledShare = delivered.length / Math.max(1, input.measuredCount);
	const upstreamRate = delivered.length > 1 ? (delivered.length - 1) / sampledShare / (((delivered.at(-1) ?? 0) - (delivered[0] ?? 0)) / 1000) : Number.NaN;
	const slowest = [...breakdown.stages].sort((left, right) => right.p50Ms - left.p50Ms)[0];
	const sustainedRate = sustained ? `${sustained.run.rate}` : `< ${stepRates[0]}`;
	const answered = input.bench.asked.length - input.once.missing;
	const { floor } = input;
	const floorRate = floorSustained(floor);
	const cpuPerMessage = platformCpuMsPerMessage(fixed);
	const floorCpu = floor.fixed.processCpuMsPerMessage + floor.fixed.redisCpuMsPerMessage;
	const traffic = [...appNames].map((name) => ({ name, ...summarizeTraffic(input.traffic.byProcess.get(name), input.profiledMessages) }));
	const sentTotal = traffic.reduce((sum, app) => sum + app.sent, 0);
	const ratio = (value: number, base: number) => (base > 0 ? `${(value / base).toFixed(1)}x` : '–');
	return [
		'## Pipeline overhead: Discord event → reply posted (`node --import tsx bench/pipeline/overhead.ts`)',
		'',
		`Machine: ${describeMachine()}.`,
		'',
		'### Against the bare-BullMQ floor, measured in the same run',
		'',
		`The floor: BullMQ alone carrying an empty job through three queues (as route → review → deliver) in one process, with the platform's job options (retention, attempts) and worker concurrency (${floor.concurrency}), on its own redis-server (appendonly), under the same open-loop load; its latency runs from \`queue.add\` to the third worker's end, so it has no Discord, no LLM call and no work of ours.`,
		'',
		'| measure | platform | bare BullMQ | platform ÷ floor |',
		'| --- | --- | --- | --- |',
		`| p50 at ${fixedRate} msg/s | ${ms(p50)} ms | ${ms(floor.fixed.p50Ms)} ms | ${ratio(p50, floor.fixed.p50Ms)} |`,
		`| p99 at ${fixedRate} msg/s | ${ms(p99)} ms | ${ms(floor.fixed.p99Ms)} ms | ${ratio(p99, floor.fixed.p99Ms)} |`,
		`| sustained (steps of ${stepMs / 1000} s, same rule) | ${sustainedRate} msg/s | ${floorRate === undefined ? `< ${stepRates[0]}` : floorRate} msg/s${floorRate === stepRates.at(-1) ? ' (highest step)' : ''} | ${ratio(sustained?.run.rate ?? 0, floorRate ?? 0)} |`,
		`| Redis commands per message at ${fixedRate} msg/s (scripts' inner calls included) | ${fixedRedis.calls.toFixed(0)} | ${floor.fixed.redisCallsPerMessage.toFixed(0)} | ${ratio(fixedRedis.calls, floor.fixed.redisCallsPerMessage)} |`,
		`| Redis round trips per message (commands sent, at ${profileRate} msg/s) | ${sentTotal.toFixed(0)} | ${floor.sentPerMessage.toFixed(0)} | ${ratio(sentTotal, floor.sentPerMessage)} |`,
		`| CPU ms per message at ${fixedRate} msg/s (processes + Redis) | ${cpuPerMessage.toFixed(2)} | ${floorCpu.toFixed(2)} | ${ratio(cpuPerMessage, floorCpu)} |`,
		`| Redis CPU ms per message at ${fixedRate} msg/s | ${cpuMsPerMessage(fixed, 'redis-server').toFixed(2)} | ${floor.fixed.redisCpuMsPerMessage.toFixed(2)} | ${ratio(cpuMsPerMessage(fixed, 'redis-server'), floor.fixed.redisCpuMsPerMessage)} |`,
		'',
		`### Redis commands per message, by app`,
		'',
		`Redis's MONITOR for ${profileMs / 1000} s at ${profileRate} msg/s (${input.profiledMessages} messages, kept apart from the timed runs: MONITOR slows Redis), each client's commands given to the process owning its socket; a script's inner commands to the script. "Sent" counts every command a process sends (pipelined ones included): its round trips at most.`,
		'',
		"| app | sent | run inside scripts | total | BullMQ's scripts (calls × inner) | our own commands sent |",
		'| --- | --- | --- | --- | --- | --- |',
		...traffic.map(
			(app) =>
				`| ${app.name} | ${app.sent.toFixed(1)} | ${app.inner.toFixed(1)} | ${(app.sent + app.inner).toFixed(1)} | ${app.bullmqScripts || '–'} | ${app.ownCommands || '–'} |`,
		),
		`| bare BullMQ floor | ${floor.sentPerMessage.toFixed(1)} | ${floor.innerPerMessage.toFixed(1)} | ${(floor.sentPerMessage + floor.innerPerMessage).toFixed(1)} | | |`,
		'',
		`### CPU per message, by process, at ${fixedRate} msg/s`,
		'',
		'| process | CPU ms per message | share of one core |',
		'| --- | --- | --- |',
		...processNames.map(
			(name) =>
				`| ${name === 'bench' ? 'bench (emulator, simulator, load)' : name} | ${cpuMsPerMessage(fixed, name).toFixed(2)} | ${cpuPercent(fixed, name)} |`,
		),
		`| four apps and Redis | **${cpuPerMessage.toFixed(2)}** (before [lean], 2026-12-05: ${cpuBeforeLeanMs}) | |`,
		`| bare BullMQ floor: its process / its Redis | ${floor.fixed.processCpuMsPerMessage.toFixed(2)} / ${floor.fixed.redisCpuMsPerMessage.toFixed(2)} | |`,
		'',
		`Method: real redis-server (appendonly), the Discord emulator, an Ollama simulator answering at once (no time to first token, 1M tokens/s, one-sentence replies) and the gateway, message-router, quality-control and delivery as real processes (\`WORKER_CONCURRENCY=${workerConcurrency}\`, \`MAX_CONCURRENT_REQUESTS=64\`, \`LOG_LEVEL=warn\`). \`DELIVERY_RATE_LIMIT\` and \`DISCORD_GLOBAL_RATE_LIMIT\` ${deliveryRateLimit}: we measure our overhead, not Discord's rate limit (a bot gets 50 requests/s unless Discord raises it; production delivers 40/s by default). Generation budgets off (\`MEMBER_GENERATION_BUDGET=0\`, \`GUILD_GENERATION_BUDGET=0\`): ${memberCount} members send thousands of messages. Open-loop load from ${memberCount} members over ${channelCount} mention-only channels (cooldowns 0), each message naming Peter; latency runs from just before the emulator accepts the member's message to the moment it stores the webhook reply, on one clock (the emulator, simulator and load generator share the bench process).`,
		'',
		`### Latency at ${fixedRate} messages/s`,
		'',
		`${input.measuredCount} messages over ${fixedMeasuredMs / 1000} s, after ${fixedWarmUpMs / 1000} s of the same load that are left out.`,
		'',
		'| p50 ms | p95 ms | p99 ms | max ms | unanswered | sender slip p99 ms | bench event-loop delay p99 / max ms |',
		'| --- | --- | --- | --- | --- | --- | --- |',
		`| ${ms(p50)} | ${ms(percentile(fixedLatencies, 0.95))} | ${ms(p99)} | ${ms(Math.max(...fixedLatencies))} | ${input.measuredCount - fixedLatencies.length} | ${ms(fixed.sender.slipP99Ms)} | ${ms(fixed.sender.loopDelayP99Ms)} / ${ms(fixed.sender.loopDelayMaxMs)} |`,
		'',
		`Where the time goes (BullMQ job timestamps of ${breakdown.stages[0]?.count ?? 0} sampled messages, whole milliseconds from each app's clock):`,
		'',
		'| stage | p50 ms | p95 ms | p99 ms |',
		'| --- | --- | --- | --- |',
		...breakdown.stages.map((stage) => `| ${stage.stage} | ${ms(stage.p50Ms)} | ${ms(stage.p95Ms)} | ${ms(stage.p99Ms)} |`),
		'',
		`Replies reached the deliver queue at ≈ ${perSecond(upstreamRate)} msg/s (from the sampled deliver jobs' timestamps), against ${fixedRate} offered: gateway, router and quality control ${upstreamRate >= 0.95 * fixedRate ? 'kept up' : 'did not keep up'}. Slowest stage at p50: ${slowest ? `${slowest.stage} (${ms(slowest.p50Ms)} ms)` : '–'}.`,
		'',
		'### Maximum sustained rate',
		'',
		`${stepMs / 1000} s per step, each drained before the next. Kept up = delivered ≥ ${keptUpShare * 100}% of the offered rate while sending, p99 ≤ ${keptUpP99Ms} ms, and every message answered within ${keptUpDrainMs / 1000} s of the last one sent; stepping stops at the first step that did not.`,
		'',
		'| offered msg/s | sent msg/s | delivered msg/s (while sending) | p50 ms | p99 ms | drained after send ms | sender slip p99 ms | kept up |',
		'| --- | --- | --- | --- | --- | --- | --- | --- |',
		...steps.map(
			(step) =>
				`| ${step.run.rate} | ${perSecond(step.sentPerSecond)} | ${perSecond(step.deliveredPerSecond)} | ${ms(step.p50Ms)} | ${ms(step.p99Ms)} | ${step.drainMs === undefined ? `not within ${maxDrainMs / 1000} s` : ms(step.drainMs)} | ${ms(step.run.sender.slipP99Ms)} | ${step.keptUp ? 'yes' : 'no'} |`,
		),
		'',
		`Sustained: **${sustained ? `${sustained.run.rate} msg/s` : `below ${stepRates[0]} msg/s`}** on this machine.`,
		'',
		`CPU per process (% of one core while sending; the bench process holds the emulator, simulator and load generator). Redis per message: over the run and its drain, less the idle platform's ${perSecond(idle.callsPerSecond)} calls/s and ${(idle.cpuSecondsPerSecond * 100).toFixed(1)}% CPU:`,
		'',
		`| run | ${processNames.join(' | ')} | Redis calls/msg | Redis CPU µs/msg |`,
		`| --- | ${processNames.map(() => '---').join(' | ')} | --- | --- |`,
		...loadRuns.map(([label, run]) => {
			const redis = redisPerMessage(run, idle);
			return `| ${label} | ${processNames.map((name) => cpuPercent(run, name)).join(' | ')} | ${redis.calls.toFixed(1)} | ${redis.cpuMicros.toFixed(0)} |`;
		}),
		'',
		'### Redis ceiling',
		'',
		`redis-benchmark (50 clients) on a second redis-server with the same settings, after the load:`,
		'',
		'| test | pipeline | ops/s | p50 ms |',
		'| --- | --- | --- | --- |',
		...benchmark.map((row) => `| ${row.test} | ${row.pipeline} | ${perSecond(row.opsPerSecond)} | ${row.p50Ms.toFixed(2)} |`),
		'',
		`Per delivered message at ${fixedRate} msg/s (idle load left out): ${fixedRedis.calls.toFixed(1)} Redis command calls (commands run inside Lua scripts included, as \`INFO commandstats\` counts them), ${fixedRedis.scripts.toFixed(1)} of them script calls (EVAL/EVALSHA round trips), ${fixedRedis.cpuMicros.toFixed(0)} µs of Redis main-thread CPU. Top commands per message: ${topCommands}.`,
		'',
		`Implied Redis ceiling: ${perSecond(meanOps)} ops/s (mean of the unpipelined tests) ÷ ${fixedRedis.calls.toFixed(1)} calls/msg ≈ **${perSecond(meanOps / fixedRedis.calls)} msg/s** (pessimistic: calls inside a script cost less than round trips); by CPU, 1 s ÷ ${fixedRedis.cpuMicros.toFixed(0)} µs/msg ≈ **${perSecond(1e6 / fixedRedis.cpuMicros)} msg/s** if Redis had a core to itself. Measured sustained: ${sustainedRate} msg/s.`,
		'',
		'### Correctness and targets',
		'',
		`${answered} of ${input.bench.asked.length} messages answered; ${input.once.missing} unanswered, ${input.once.doubled} answered twice or more, ${input.once.strays} stray replies, ${input.transcripts.mismatches} mismatches against the stored transcripts of the ${input.transcripts.channels} channels still holding all their messages; ${input.bench.replies.botNotes.length} backlog notes; ${(input.llmCalls / Math.max(1, answered)).toFixed(2)} LLM calls per reply; Discord rate-limit waits logged by the apps' REST clients: ${input.rateLimitWaits}.`,
		'',
		`Whole run: ${input.elapsedSeconds.toFixed(0)} s.`,
		'',
		`Targets: p50 ≤ 5 ms at ${fixedRate} msg/s: ${ms(p50)} ms (${p50 <= 5 ? 'met' : 'missed'}); p99 ≤ 20 ms: ${ms(p99)} ms (${p99 <= 20 ? 'met' : 'missed'}); ≥ 1,000 msg/s sustained: ${sustainedRate} msg/s (${(sustained?.run.rate ?? 0) >= 1000 ? 'met' : 'missed'}); ≤ 60 Redis commands per message: ${fixedRedis.calls.toFixed(0)} (${fixedRedis.calls <= 60 ? 'met' : 'missed'}; bare BullMQ alone needs ${floor.fixed.redisCallsPerMessage.toFixed(0)}); CPU per message ≤ ${(cpuBeforeLeanMs / 2).toFixed(1)} ms: ${cpuPerMessage.toFixed(2)} ms (${cpuPerMessage <= cpuBeforeLeanMs / 2 ? 'met' : 'missed'}).`,
	].join('\n');
}

await main();
