// A realistic burst through the whole platform (gateway, router, quality control, delivery as real processes):
// 500 questions from 50 channels at once, answered by 4 simulated Ollama hosts with 2 slots each and replies of
// 1-3 s. Compares the time to the last reply with the hosts' ideal capacity and checks every question got its own
// answer exactly once. Writes the `pipeline-burst` section of bench/RESULTS.md; exits 1 on a lost or doubled reply.
import type { TranscriptMessage } from '@charbot/discord-emulator';
import type { SimStats } from '@charbot/ollama-sim';
import { startPlatform } from '../../test/pipeline/platformHarness.js';
import { describeMachine, percentile, reportTargets, writeResultsSection } from '../benchReport.js';
import { type BurstCall, type BurstSimSpeed, burstCallRangeMs, burstReplyScript } from './burstReplyScript.js';

const hostCount = 4;
const slotsPerHost = 2;
const channelCount = 50;
const memberCount = 50;
const messageCount = 500;
const speed: BurstSimSpeed = { tokensPerSecond: 40, promptTokensPerSecond: 20_000, timeToFirstTokenMs: 20 };
// Called by alias, one character per question, in turn.
const characters = ['Peter', 'Lois', 'Brian', 'Stewie', 'Meg', 'Chris', 'Quagmire'] as const;
const replyTimeoutMs = 200_000;
// After the last expected reply, how long to keep watching for a late duplicate.
const settleMs = 5000;

interface Question {
	readonly token: string;
	readonly channelId: string;
	readonly sentAt: number;
}

/** Generation time a host spent on its inference calls, from its counters and speed figures. */
function generationMs(stats: SimStats): number {
	const calls = (stats.requests.byEndpoint['/api/chat'] ?? 0) + (stats.requests.byEndpoint['/api/generate'] ?? 0);
	return calls * speed.timeToFirstTokenMs + (stats.promptTokens / speed.promptTokensPerSecond) * 1000 + (stats.tokensGenerated / speed.tokensPerSecond) * 1000;
}

async function main(): Promise<void> {
	const platform = await startPlatform({
		simHosts: hostCount,
		sim: { numParallel: slotsPerHost, ...speed },
		env: { LOG_LEVEL: 'warn' },
	});
	let failed: boolean;
	try {
		const { control } = platform.emulator;
		const guildId = platform.emulator.seed?.guildId ?? '';
		const calls: BurstCall[] = [];
		for (const sim of platform.sims) sim.addScript(burstReplyScript(sim.name, speed, calls));
		const channels = Array.from({ length: channelCount }, (_, index) => control.createChannel(guildId, { name: `burst-${index}` }).id);
		// No cooldown may drop a question: ten per channel and per member arrive within the same second.
		for (const channelId of channels) await platform.updateSettings(channelId, { userCooldownSeconds: 0, channelCooldownSeconds: 0 });
		const members = Array.from({ length: memberCount }, (_, index) => {
			const user = control.createUser({ username: `burst-member-${index}` });
			control.addMember(guildId, user.id);
			return user.id;
		});
		// Let the gateway see the new channels and members before the burst.
		await new Promise((resolve) => setTimeout(resolve, 2000));
		for (const sim of platform.sims) sim.resetStats();

		const questions: Question[] = [];
		for (let index = 0; index < messageCount; index += 1) {
			const token = `tk-m${index}x`;
			const channelId = channels[index % channelCount] as string;
			const authorId = members[Math.floor(index / channelCount + index) % memberCount] as string;
			const character = characters[index % characters.length] as string;
			const sent = control.postMessage({ channelId, authorId, content: `${character}, what do you make of ${token}?` });
			questions.push({ token, channelId, sentAt: Date.parse(sent.timestamp) });
		}
		const replies = (): TranscriptMessage[] =>
			channels.flatMap((channelId) => platform.botMessages(channelId).filter((message) => message.author.kind === 'webhook'));
		// Polled twice a second, not faster: the emulator and the simulators share this process's event loop.
		const deadline = Date.now() + replyTimeoutMs;
		while (replies().length < messageCount && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 500));
		if (replies().length < messageCount) process.stderr.write(`timed out after ${replyTimeoutMs} ms with ${replies().length} of ${messageCount} replies\n`);
		await new Promise((resolve) => setTimeout(resolve, settleMs));

		const all = replies();
		const counts = { once: 0, twice: 0, never: 0, wrongChannel: 0 };
		const latencies: number[] = [];
		let lastPostedAt = 0;
		for (const question of questions) {
			const answering = all.filter((reply) => reply.content.includes(`${question.token}?`));
			if (answering.length === 0) counts.never += 1;
			else if (answering.length === 1) counts.once += 1;
			else counts.twice += 1;
			if (answering.some((reply) => reply.channelId !== question.channelId)) counts.wrongChannel += 1;
			const first = answering[0];
			if (first === undefined) continue;
			const postedAt = Date.parse(first.timestamp);
			latencies.push(postedAt - question.sentAt);
			lastPostedAt = Math.max(lastPostedAt, postedAt);
		}
		const unmatched = all.filter((reply) => !questions.some((question) => reply.content.includes(`${question.token}?`))).length;
		const firstSentAt = Math.min(...questions.map((question) => question.sentAt));
		const completionMs = lastPostedAt - firstSentAt;

		const hostStats = platform.sims.map((sim) => ({ name: sim.name, stats: sim.stats() }));
		const totalGenerationMs = hostStats.reduce((sum, host) => sum + generationMs(host.stats), 0);
		const scriptedMs = calls.reduce((sum, call) => sum + call.durationMs, 0);
		const llmCalls = hostStats.reduce((sum, host) => sum + (host.stats.requests.byEndpoint['/api/chat'] ?? 0), 0);
		const slots = hostCount * slotsPerHost;
		const idealMs = totalGenerationMs / slots;
		const ratio = completionMs / idealMs;
		const durations = calls.map((call) => call.durationMs);
		const balance = hostStats
			.map((host) => {
				const served = host.stats.requests.byEndpoint['/api/chat'] ?? 0;
				return `${host.name} ${served} (${((served / Math.max(1, llmCalls)) * 100).toFixed(1)}%, max ${host.stats.maxActive} active, ${host.stats.maxQueued} queued)`;
			})
			.join(', ');
		const lost = counts.never > 0 || counts.twice > 0 || counts.wrongChannel > 0 || unmatched > 0;
		failed = lost;

		const markdown = [
			'## Pipeline: realistic burst (`node --import tsx bench/pipeline/burst.ts`)',
			'',
			`Machine: ${describeMachine()}.`,
			'',
			`The whole platform as real processes (gateway, message-router, quality-control, delivery; real Redis; the Discord emulator), ${hostCount} simulated Ollama hosts with ${slotsPerHost} slots each (${slots} slots), default app settings (adaptive concurrency per host, \`MAX_CONCURRENT_REQUESTS\` unset; \`WORKER_CONCURRENCY\` 32, LLM judge off as in the channel defaults, so quality control makes no LLM call).`,
			`A burst of ${messageCount} messages posted at once in ${channelCount} new channels by ${memberCount} members (cooldowns set to 0 in those channels), each calling one of ${characters.length} characters by name with a unique token that the simulated reply echoes.`,
			`Each LLM call is sized to take ${burstCallRangeMs.min / 1000}-${burstCallRangeMs.max / 1000} s on a host (${speed.timeToFirstTokenMs} ms to the first token, prompt at ${speed.promptTokensPerSecond} tok/s, reply at ${speed.tokensPerSecond} tok/s; length fixed per question, so every run is the same).`,
			'',
			'| measure | value |',
			'| --- | --- |',
			`| LLM calls served | ${llmCalls} (${llmCalls - messageCount} beyond one per message: regenerations, judge calls) |`,
			`| generation time per call (min / p50 / max) | ${Math.min(...durations).toFixed(0)} / ${percentile(durations, 0.5).toFixed(0)} / ${Math.max(...durations).toFixed(0)} ms |`,
			`| total generation time (from the hosts' counters; scripts' own sum) | ${(totalGenerationMs / 1000).toFixed(1)} s (${(scriptedMs / 1000).toFixed(1)} s) |`,
			`| ideal completion (total ÷ ${slots} slots) | ${(idealMs / 1000).toFixed(1)} s |`,
			`| completion (first message sent → last reply posted) | ${(completionMs / 1000).toFixed(1)} s |`,
			`| completion ÷ ideal | **${ratio.toFixed(3)}** (target ≤ 1.10) |`,
			`| reply latency p50 / p95 / max | ${(percentile(latencies, 0.5) / 1000).toFixed(1)} / ${(percentile(latencies, 0.95) / 1000).toFixed(1)} / ${(Math.max(...latencies) / 1000).toFixed(1)} s |`,
			`| answered exactly once / twice or more / never | ${counts.once} / ${counts.twice} / ${counts.never} (in the wrong channel: ${counts.wrongChannel}; replies answering no question: ${unmatched}) |`,
			`| LLM requests per host | ${balance} |`,
			'',
			`Ideal capacity: the hosts' total generation time (each call's time to first token, prompt evaluation and reply tokens at the simulated speeds, summed from the simulators' counters) divided by the ${slots} slots, i.e. the completion time if every slot were busy from the first message to the last reply with no gap.`,
			`Result: ${lost ? '**FAILED** — a question lost or answered twice.' : 'every question answered exactly once, in its own channel.'} Completion ${ratio <= 1.1 ? 'within' : '**not** within'} 10 % of ideal.`,
		].join('\n');
		writeResultsSection('pipeline-burst', markdown);
		process.stdout.write(`${markdown}\n`);
		reportTargets('pipeline-burst', [
			{ measure: `burst of ${messageCount} messages: completion ÷ hosts' ideal`, target: '≤ 1.10', measured: ratio.toFixed(3), met: ratio <= 1.1 },
			{
				measure: 'answered exactly once (its own answer)',
				target: `${messageCount} of ${messageCount}`,
				measured: `${counts.once} of ${messageCount}`,
				met: !lost && counts.once === messageCount,
			},
		]);
	} finally {
		await platform.close();
	}
	if (failed) process.exitCode = 1;
}

await main();
