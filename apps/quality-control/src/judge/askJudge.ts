import type { JudgePromptInput } from './buildJudgePrompt.js';
import { judgeReply } from './judgeReply.js';
import type { Judgement } from './judgementSchema.js';
import { JudgeTimeoutError } from './JudgeTimeoutError.js';
import type { LlmSource } from './LlmSource.js';

/** What came of asking the judge: its judgement, or why the rules decide alone. */
export type JudgeOutcome =
	| { readonly status: 'used'; readonly judgement: Judgement }
	| { readonly status: 'timeout'; readonly error: JudgeTimeoutError }
	| { readonly status: 'failed'; readonly error: unknown };

/** How long the judge may take and the job's own signal. */
export interface AskJudgeOptions {
	readonly timeoutMs: number;
	readonly signal?: AbortSignal | undefined;
}

/**
 * Asks the judge within `timeoutMs`, opening the pool included. A malformed answer, an LLM error or the timeout come back
 * as an outcome, so they never block a reply the rules passed; it throws only when the job's own signal aborted.
 */
export async function askJudge(llm: LlmSource, input: JudgePromptInput, options: AskJudgeOptions): Promise<JudgeOutcome> {
	const deadline = AbortSignal.timeout(options.timeoutMs);
	const signal = options.signal === undefined ? deadline : AbortSignal.any([options.signal, deadline]);
	try {
		const judgement = await untilAborted(
			llm().then((pool) => judgeReply(pool, input, signal)),
			signal,
		);
		return { status: 'used', judgement };
	} catch (error) {
		// The job was cancelled: not the judge's fault, and not a reason to deliver anyway.
		if (options.signal?.aborted === true) throw error;
		if (deadline.aborted) return { status: 'timeout', error: new JudgeTimeoutError(options.timeoutMs, { cause: error }) };
		return { status: 'failed', error };
	}
}

/** Settles with `work`, or rejects as soon as `signal` aborts, in case something under it does not listen. */
async function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
	let onAbort = (): void => undefined;
	const aborted = new Promise<never>((_resolve, reject) => {
		onAbort = () => reject(signal.reason as Error);
		if (signal.aborted) onAbort();
		else signal.addEventListener('abort', onAbort, { once: true });
	});
	try {
		// Racing subscribes to `work` too, so its late rejection after an abort is handled, not left unhandled.
		return await Promise.race([work, aborted]);
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
}
