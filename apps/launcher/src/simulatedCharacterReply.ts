import type { SimScript } from '@charbot/ollama-sim';
import { composeSimulatedReply } from './simulated/composeSimulatedReply.js';
import { simulatedJudgement } from './simulated/simulatedJudgement.js';
import { SpokenLines } from './simulated/SpokenLines.js';

/**
 * An Ollama simulator script for local trials (`npm start` with no Ollama): a character prompt gets a reply built from
 * the persona and the member's own words, opening with a remark on the picture when the request carried images,
 * ending in a `-# simulated` line and never a line this script gave before (see `composeSimulatedReply`); a structured request (quality control's judge) gets a lenient, valid judgement (see
 * `simulatedJudgement`). Each script remembers its own lines.
 */
export function createSimulatedCharacterReply(): SimScript {
	const spoken = new SpokenLines();
	return {
		match: /[\s\S]*/u,
		reply: ({ messages, images, format }) =>
			format === undefined ? composeSimulatedReply(messages, spoken, images?.length ?? 0) : simulatedJudgement(messages, format),
	};
}

/** The script `npm start` gives the Ollama simulator. */
export const simulatedCharacterReply: SimScript = createSimulatedCharacterReply();
