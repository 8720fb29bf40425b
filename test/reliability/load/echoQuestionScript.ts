import type { SimScript } from '@charbot/ollama-sim';
import { variedLineFor } from '@charbot/testkit';
import { questionTokenPattern } from './questionTokenPattern.js';

/**
 * A simulator script that answers a load question by echoing its token in a line worded for that token
 * (`variedLineFor`), so each reply names the question it answers and differs from the character's other replies
 * (quality control rejects repetition).
 */
export const echoQuestionScript: SimScript = {
	match: questionTokenPattern,
	reply: ({ lastUserMessage }) => variedLineFor(questionTokenPattern.exec(lastUserMessage)?.[0] ?? 'no-token'),
};
