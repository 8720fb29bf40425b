import type { EmulatorControl, TranscriptMessage } from '@charbot/discord-emulator';

/** A member's question, as the load generator posted it. */
export interface AskedQuestion {
	/** The unique word the question carries and the simulator echoes back in the reply. */
	readonly token: string;
	readonly channelId: string;
	readonly messageId: string;
	/** `performance.now()` just before the emulator accepted it. */
	readonly sentAt: number;
}

/** Every character reply the emulator received, matched to the question it answers. */
export interface ReplyLatencies {
	/** Registers a posted question (before its reply can arrive: replies come from other processes). */
	ask(question: AskedQuestion): void;
	/** Arrival times (`performance.now()`) of the replies to a question, in the question's own channel. */
	repliesTo(token: string): readonly number[];
	/** Milliseconds from question to its first reply, for those answered. */
	latencies(questions: readonly AskedQuestion[]): number[];
	/** Replies (to any question) that arrived in [from, to). */
	repliesBetween(from: number, to: number): number;
	/** Webhook replies naming no known question, landing in another channel than the question's, or from another character. */
	readonly strays: TranscriptMessage[];
	/** Messages the bot posted as itself (not a character), e.g. the backlog note. */
	readonly botNotes: TranscriptMessage[];
	/** Stops listening at the next bot message. */
	stop(): void;
}

/** Options of {@link recordReplyLatencies}. */
export interface RecordReplyOptions {
	/** Finds a question's token in a reply. */
	readonly tokenPattern: RegExp;
	/** The webhook name every reply must carry: the one character the questions call. */
	readonly author: string;
	/** How long to listen at most. */
	readonly listenForMs: number;
}

/**
 * Listens to the emulator's own event bus (through `waitForBotMessage` with a filter that never accepts), so each
 * reply is timed the moment the webhook execute is stored: the same clock and process as the question's post.
 */
export function recordReplyLatencies(control: EmulatorControl, options: RecordReplyOptions): ReplyLatencies {
	const { tokenPattern, author } = options;
	const questions = new Map<string, AskedQuestion>();
	const replies = new Map<string, number[]>();
	const arrivals: number[] = [];
	const strays: TranscriptMessage[] = [];
	const botNotes: TranscriptMessage[] = [];
	let stopped = false;
	const listening = control.waitForBotMessage({
		timeoutMs: options.listenForMs,
		filter: (message) => {
			const at = performance.now();
			if (stopped) return true;
			if (message.author.kind !== 'webhook') {
				botNotes.push(message);
				return false;
			}
			const token = tokenPattern.exec(message.content)?.[0];
			const question = token === undefined ? undefined : questions.get(token);
			if (token === undefined || question === undefined || question.channelId !== message.channelId || message.author.displayName !== author) {
				strays.push(message);
				return false;
			}
			const times = replies.get(token) ?? [];
			times.push(at);
			replies.set(token, times);
			arrivals.push(at);
			return false;
		},
	});
	// Ends by the stop above or by its timeout; neither is a failure of the bench.
	listening.catch(() => undefined);

	return {
		ask: (question) => {
			questions.set(question.token, question);
		},
		repliesTo: (token) => replies.get(token) ?? [],
		latencies: (asked) =>
			asked.flatMap((question) => {
				const first = replies.get(question.token)?.[0];
				return first === undefined ? [] : [first - question.sentAt];
			}),
		repliesBetween: (from, to) => arrivals.filter((at) => at >= from && at < to).length,
		strays,
		botNotes,
		stop: () => {
			stopped = true;
		},
	};
}
