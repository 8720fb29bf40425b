// Quality control against a sloppy model: the whole platform (gateway, router, quality control with delivery, as real
// processes) answers the same questions twice, once from a clean simulated model and once from one that spoils 30 %
// of its replies with a failure small models make (`ollama-sim --sloppy 0.3`, the simulator's own generator). Reports
// the share of posted replies that still carry an injected failure (target ≤ 1 %), generations per posted reply, the
// share repaired, and time to post side by side. Writes the `quality-sloppy` section of bench/RESULTS.md; exits 1 when
// a question is lost or answered twice.
import { type PlatformHarness, startPlatform } from '../../test/pipeline/platformHarness.js';
import { postedWithInjectedFailure, type QuestionOutcome, readCounter, runQuestions, tokenEchoScript } from '../../test/pipeline/sloppyConversation.js';
import { describeMachine, percentile, reportTargets, writeResultsSection } from '../benchReport.js';

const questions = 420;
const channelCount = 10;
const memberCount = 10;
const perSecond = 20;
const sloppyShare = 0.3;
const speed = { tokensPerSecond: 150, numParallel: 8, timeToFirstTokenMs: 20 };

interface RunFigures {
	readonly label: string;
	readonly outcome: QuestionOutcome;
	readonly posted: number;
	readonly carrying: number;
	readonly carryingKinds: Record<string, number>;
	readonly injected: number;
	readonly generations: number;
	readonly repaired: number;
	readonly regenerated: number;
	readonly rejected: number;
}

async function run(label: string, sloppy: number): Promise<RunFigures> {
	const platform = await startPlatform({ sim: { ...speed, sloppy, scripts: [tokenEchoScript] }, env: { LOG_LEVEL: 'warn' } });
	try {
		const { control } = platform.emulator;
		const guildId = platform.emulator.seed?.guildId ?? '';
		const channels = Array.from({ length: channelCount }, (_, index) => control.createChannel(guildId, { name: `quality-${index}` }).id);
		for (const channelId of channels) await platform.updateSettings(channelId, { userCooldownSeconds: 0, channelCooldownSeconds: 0 });
		const members = Array.from({ length: memberCount }, (_, index) => {
			const user = control.createUser({ username: `quality-member-${index}` });
			control.addMember(guildId, user.id);
			return user.id;
		});
		// Let the gateway see the new channels and members first.
		await new Promise((resolve) => setTimeout(resolve, 2000));
		platform.sim.resetStats();
		const outcome = await runQuestions(platform, { channels, members, questions, perSecond, timeoutMs: 180_000, settleMs: 3000 });
		return { label, outcome, ...(await countAfter(platform, outcome)) };
	} finally {
		await platform.close();
	}
}

async function countAfter(platform: PlatformHarness, outcome: QuestionOutcome): Promise<Omit<RunFigures, 'label' | 'outcome'>> {
	const carrying = postedWithInjectedFailure(platform, outcome.posted);
	const carryingKinds: Record<string, number> = {};
	for (const { kind } of carrying) carryingKinds[kind] = (carryingKinds[kind] ?? 0) + 1;
	const stats = platform.sim.stats();
	const reviews = (outcome: string) => readCounter(platform, 'quality-control', 'charbot_qc_reviews_total', { outcome });
	return {
		posted: outcome.posted.length,
		carrying: carrying.length,
		carryingKinds,
		injected: stats.sloppy.injected,
		generations: stats.requests.byEndpoint['/api/chat'] ?? 0,
		repaired: await reviews('repaired'),
		regenerated: await reviews('regenerated'),
		rejected: await reviews('rejected'),
	};
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const percent = (part: number, whole: number) => `${((part / Math.max(1, whole)) * 100).toFixed(1)} %`;

function row(figures: RunFigures): string {
	const { outcome } = figures;
	return [
		figures.label,
		`${outcome.answeredOnce} / ${outcome.answeredTwice} / ${outcome.unanswered}`,
		String(figures.injected),
		`${figures.carrying} (${percent(figures.carrying, figures.posted)})`,
		(figures.generations / Math.max(1, figures.posted)).toFixed(2),
		`${figures.repaired} (${percent(figures.repaired, figures.posted)})`,
		String(figures.regenerated),
		String(figures.rejected),
		`${seconds(percentile(outcome.latenciesMs, 0.5))} / ${seconds(percentile(outcome.latenciesMs, 0.95))}`,
	].join(' | ');
}

async function main(): Promise<void> {
	const clean = await run('clean model', 0);
	const sloppy = await run(`sloppy model (${sloppyShare * 100} %)`, sloppyShare);
	const share = sloppy.carrying / Math.max(1, sloppy.posted);
	// A question is lost when it is answered twice, or goes unanswered without quality control having given up on it.
	const lost = [clean, sloppy].some((figures) => figures.outcome.answeredTwice > 0 || figures.outcome.unanswered !== figures.rejected);
	const p50Ratio = percentile(sloppy.outcome.latenciesMs, 0.5) / percentile(clean.outcome.latenciesMs, 0.5);
	const p95Ratio = percentile(sloppy.outcome.latenciesMs, 0.95) / percentile(clean.outcome.latenciesMs, 0.95);
	const markdown = [
		'## Quality: a sloppy model through the whole pipeline (`npm run bench:quality`)',
		'',
		`Machine: ${describeMachine()}.`,
		'',
		`The platform as real processes (gateway, message-router, quality-control, delivery; real Redis; the Discord emulator; one simulated Ollama host with ${speed.numParallel} slots at ${speed.tokensPerSecond} tokens/s), channel defaults (judge \`borderline\`, threshold 0.6, 3 attempts then escalation). ${questions} questions, ${perSecond} a second over ${channelCount} channels, each calling one of the seven characters with a unique token; the clean reply echoes it. Run twice side by side: a clean model, then one that puts one failure from the simulator's own generator (12 kinds in turn: assistant frame, OOC note, template tokens, own label, mass ping, disclaimer, refusal, script, assistant format, loop, wiki voice, prompt echo) into ${sloppyShare * 100} % of its replies, recorded by the simulator.`,
		'',
		'| run | answered once / twice / never | failures injected | posted replies carrying one | generations per posted reply | repaired | regenerated | given up | time to post p50 / p95 |',
		'| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
		`| ${row(clean)} |`,
		`| ${row(sloppy)} |`,
		'',
		`Posted replies carrying an injected failure: **${percent(sloppy.carrying, sloppy.posted)}** (target ≤ 1 %)${sloppy.carrying > 0 ? `, by kind: ${JSON.stringify(sloppy.carryingKinds)}` : ''}. Time to post, sloppy ÷ clean: p50 ${p50Ratio.toFixed(2)}×, p95 ${p95Ratio.toFixed(2)}×.`,
		`A posted reply "carries" a failure when it contains the fragment the simulator recorded for it (the preface, the note, the tokens, the ping…); a repaired reply no longer does.`,
		lost
			? '**FAILED** — a question was lost or answered twice.'
			: `No question was answered twice or lost; the ${sloppy.rejected} unanswered in the sloppy run are those whose every attempt and escalation failed review (counted as given up; members are not yet told, see the [experience] work).`,
	].join('\n');
	writeResultsSection('quality-sloppy', markdown);
	process.stdout.write(`${markdown}\n`);
	reportTargets('quality-sloppy', [
		{
			measure: `posted replies carrying an injected failure at ${sloppyShare * 100} % sloppy`,
			target: '≤ 1 %',
			measured: percent(sloppy.carrying, sloppy.posted),
			met: share <= 0.01,
		},
		{
			measure: 'answered exactly once, both runs',
			target: `${questions} of ${questions}`,
			measured: `${clean.outcome.answeredOnce}, ${sloppy.outcome.answeredOnce}`,
			met: !lost,
		},
	]);
	if (lost) process.exitCode = 1;
}

await main();
