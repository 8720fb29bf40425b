import type { TranscriptMessage } from '@charbot/discord-emulator';
import type { SimScript, SloppyKind } from '@charbot/ollama-sim';
import { variedLineFor } from '@charbot/testkit';
import type { PlatformHarness } from './platformHarness.js';

/** Characters called by name, one per question, in turn. */
const callNames = ['Peter', 'Lois', 'Brian', 'Stewie', 'Meg', 'Chris', 'Quagmire'] as const;

/**
 * The simulated model's clean answer to a question "… tk-q{n}x?": a line that echoes the token, so each reply can be
 * matched to its question, and is worded anew for every token, so no character repeats itself. `--sloppy` then spoils
 * a share of these.
 */
export const tokenEchoScript: SimScript = {
	match: /tk-q\d+x/,
	reply: ({ lastUserMessage }) => variedLineFor(/tk-q\d+x/.exec(lastUserMessage)?.[0] ?? 'tk-none'),
};

/** Options of {@link runQuestions}. */
export interface QuestionRun {
	readonly channels: readonly string[];
	readonly members: readonly string[];
	readonly questions: number;
	/** Questions posted per second, spread over the channels. */
	readonly perSecond: number;
	readonly timeoutMs: number;
	/** How long to keep watching for a late second reply after the last expected one. */
	readonly settleMs: number;
}

/** What became of a run of questions, as members would see it. */
export interface QuestionOutcome {
	/** Every message the characters posted in the run's channels. */
	readonly posted: readonly TranscriptMessage[];
	readonly answeredOnce: number;
	readonly answeredTwice: number;
	readonly unanswered: number;
	/** Milliseconds from each question to its first answer. */
	readonly latenciesMs: readonly number[];
}

/** Posts questions that each call a character with a unique token, waits for the answers and matches them up. */
export async function runQuestions(platform: PlatformHarness, run: QuestionRun): Promise<QuestionOutcome> {
	const { control } = platform.emulator;
	const asked: { token: string; channelId: string; sentAt: number }[] = [];
	for (let index = 0; index < run.questions; index += 1) {
		const token = `tk-q${index}x`;
		const channelId = run.channels[index % run.channels.length] as string;
		const authorId = run.members[index % run.members.length] as string;
		const sent = control.postMessage({ channelId, authorId, content: `${callNames[index % callNames.length]}, what do you make of ${token}?` });
		asked.push({ token, channelId, sentAt: Date.parse(sent.timestamp) });
		if ((index + 1) % run.perSecond === 0) await new Promise((resolve) => setTimeout(resolve, 1000));
	}
	const posted = (): TranscriptMessage[] => run.channels.flatMap((channelId) => platform.botMessages(channelId));
	const answers = (token: string) => posted().filter((message) => message.content.includes(`${token}?`));
	const deadline = Date.now() + run.timeoutMs;
	while (asked.some((question) => answers(question.token).length === 0) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
	await new Promise((resolve) => setTimeout(resolve, run.settleMs));
	const outcome = { answeredOnce: 0, answeredTwice: 0, unanswered: 0, latenciesMs: [] as number[] };
	for (const question of asked) {
		const found = answers(question.token);
		if (found.length === 0) outcome.unanswered += 1;
		else if (found.length === 1) outcome.answeredOnce += 1;
		else outcome.answeredTwice += 1;
		if (found[0] !== undefined) outcome.latenciesMs.push(Date.parse(found[0].timestamp) - question.sentAt);
	}
	return { posted: posted(), ...outcome };
}

/** The posted messages that still carry a failure the simulators injected, each with the kind of failure. */
export function postedWithInjectedFailure(platform: PlatformHarness, posted: readonly TranscriptMessage[]): { message: TranscriptMessage; kind: SloppyKind }[] {
	const records = platform.sims.flatMap((sim) => sim.sloppyRecords());
	return posted.flatMap((message) => {
		const record = records.find((each) => each.fragment.trim() !== '' && message.content.includes(each.fragment.trim()));
		return record === undefined ? [] : [{ message, kind: record.kind }];
	});
}

/** Reads one counter of an app's `/metrics` (summed over every label set that has all of `labels`). */
export async function readCounter(
	platform: PlatformHarness,
	app: 'quality-control' | 'message-router' | 'gateway',
	name: string,
	labels: Record<string, string> = {},
): Promise<number> {
	const healthUrl = platform.apps.get(app)?.healthUrl;
	if (healthUrl === undefined) throw new Error(`${app} is not running`);
	const text = await (await fetch(`${healthUrl}/metrics`)).text();
	let sum = 0;
	for (const line of text.split('\n')) {
		if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
		if (!Object.entries(labels).every(([key, value]) => line.includes(`${key}="${value}"`))) continue;
		sum += Number(line.slice(line.lastIndexOf(' ') + 1)) || 0;
	}
	return sum;
}
