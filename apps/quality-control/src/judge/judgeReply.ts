import { generateObject, type LlmPool } from '@charbot/llm';
import { buildJudgePrompt, type JudgePromptInput } from './buildJudgePrompt.js';
import { type Judgement, judgementSchema } from './judgementSchema.js';

/** Asks the `judge` role for a structured verdict on a reply; throws the pool's `LlmError` when it cannot or `signal` aborts. */
export async function judgeReply(pool: LlmPool, input: JudgePromptInput, signal?: AbortSignal): Promise<Judgement> {
	const { object } = await generateObject(pool, judgementSchema, {
		role: 'judge',
		character: input.persona.id,
		messages: buildJudgePrompt(input),
		// Deterministic and unstopped: the defaults' stop sequences could cut the JSON short.
		settings: { temperature: 0, maxTokens: 300, stop: [] },
		...(signal === undefined ? {} : { signal }),
	});
	return object;
}
