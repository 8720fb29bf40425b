import type { PlatformHarness } from '../../pipeline/platformHarness.js';
import type { LoadAudience } from './LoadAudience.js';
import type { SentQuestion } from './SentQuestion.js';

/** Options of {@link sendQuestions}. */
export interface SendQuestionsOptions {
	/** Lower-case letters and digits, put in every token so runs of one test file never mix. */
	readonly tag: string;
	readonly count: number;
	/** The questions are spread evenly over this long. */
	readonly durationMs: number;
	/** Display name the questions call (default `Peter`). */
	readonly character?: string;
	/** Called after each question is posted, e.g. to kill something halfway. */
	readonly onSent?: (question: SentQuestion, index: number) => void;
}

/**
 * Posts `count` unique questions, round-robin over the audience's channels and members, spread over `durationMs`.
 * Each carries a token `qt<tag>n<index>z` (see `questionTokenPattern`) that the echo script repeats in its answer.
 */
export async function sendQuestions(platform: PlatformHarness, audience: LoadAudience, options: SendQuestionsOptions): Promise<SentQuestion[]> {
	if (!/^[a-z0-9]+$/.test(options.tag)) throw new Error(`question tag ${options.tag} must be lower-case letters and digits`);
	const character = options.character ?? 'Peter';
	const startedAt = Date.now();
	const sent: SentQuestion[] = [];
	for (let index = 0; index < options.count; index += 1) {
		const due = startedAt + (index * options.durationMs) / options.count;
		const wait = due - Date.now();
		if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
		const channelId = audience.channelIds[index % audience.channelIds.length] as string;
		// A different stride for members, so one member asks in several channels.
		const authorId = audience.memberIds[(index * 7) % audience.memberIds.length] as string;
		const token = `qt${options.tag}n${index}z`;
		const message = platform.emulator.control.postMessage({ channelId, authorId, content: `${character}, what do you make of ${token}?` });
		const question: SentQuestion = { token, channelId, authorId, messageId: message.id, sentAt: Date.now() };
		sent.push(question);
		options.onSent?.(question, index);
	}
	return sent;
}
