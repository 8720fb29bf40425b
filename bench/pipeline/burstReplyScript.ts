import { countTokens, generateReply, type SimScript } from '@charbot/ollama-sim';

/** The speed figures a simulated host runs at; a call lasts `timeToFirstTokenMs + prompt tokens / promptTokensPerSecond + reply tokens / tokensPerSecond`. */
export interface BurstSimSpeed {
	readonly tokensPerSecond: number;
	readonly promptTokensPerSecond: number;
	readonly timeToFirstTokenMs: number;
}

/** One LLM call a simulated host served, as its script saw it. */
export interface BurstCall {
	readonly host: string;
	readonly token: string;
	/** The call's generation time on the host, from its prompt and reply sizes at the host's speed. */
	readonly durationMs: number;
}

/** The question token each burst message carries: `tk-m<index>x`. */
export const burstTokenPattern = /tk-m(\d+)x/;

/** Shortest and longest generation time a burst reply is given. */
export const burstCallRangeMs = { min: 1000, max: 3000 } as const;

// The chat template adds this many tokens per message (the simulator's rule, see its composeReply).
const templateTokensPerMessage = 4;

/** How long the reply to message `index` should take: spread over 1-3 s by a fixed permutation, so every run is the same. */
export function burstTargetMs(index: number): number {
	const span = burstCallRangeMs.max - burstCallRangeMs.min;
	return burstCallRangeMs.min + ((index * 7919) % (span + 1));
}

/**
 * A scripted reply that echoes the question's token (so each answer can be matched to its question) followed by
 * varied prose sized so the whole call takes {@link burstTargetMs} on this host; every call is recorded in `calls`.
 */
export function burstReplyScript(host: string, speed: BurstSimSpeed, calls: BurstCall[]): SimScript {
	return {
		match: burstTokenPattern,
		reply: ({ lastUserMessage, messages }) => {
			const match = burstTokenPattern.exec(lastUserMessage);
			const token = match?.[0] ?? 'tk-unknown';
			const index = Number(match?.[1] ?? 0);
			const promptTokens = messages.reduce((sum, message) => sum + countTokens(message.content) + templateTokensPerMessage, 0);
			const fixedMs = speed.timeToFirstTokenMs + (promptTokens / speed.promptTokensPerSecond) * 1000;
			const opening = `Ha! ${token}? `;
			const wanted = Math.max(countTokens(opening) + 2, Math.round(((burstTargetMs(index) - fixedMs) * speed.tokensPerSecond) / 1000));
			let text = `${opening}${generateReply({ seed: index + 1, tokens: wanted - countTokens(opening) })}`;
			// The prose is whole sentences and may fall a few tokens short; one-token words make up the length exactly.
			while (countTokens(text) < wanted) text += ' heh';
			calls.push({ host, token, durationMs: fixedMs + (countTokens(text) / speed.tokensPerSecond) * 1000 });
			return text;
		},
	};
}
