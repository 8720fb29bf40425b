import type { Scorer } from './Finding.js';
import { findAssistantFormat } from './findAssistantFormat.js';
import { findAssistantFrame } from './findAssistantFrame.js';
import { findBlockedWords } from './findBlockedWords.js';
import { findBrokenCharacter } from './findBrokenCharacter.js';
import { findDisclaimers } from './findDisclaimers.js';
import { findEncyclopedicVoice } from './findEncyclopedicVoice.js';
import { findLinks } from './findLinks.js';
import { findLoops } from './findLoops.js';
import { findMassMentions } from './findMassMentions.js';
import { findNarration } from './findNarration.js';
import { findNeverSays } from './findNeverSays.js';
import { findOtherVoice } from './findOtherVoice.js';
import { findOutOfCharacterNotes } from './findOutOfCharacterNotes.js';
import { findPromptEcho } from './findPromptEcho.js';
import { findRefusals } from './findRefusals.js';
import { findRepetition } from './findRepetition.js';
import { findSpeakerLabels } from './findSpeakerLabels.js';
import { findTemplateTokens } from './findTemplateTokens.js';
import { findTooLong } from './findTooLong.js';
import { findTooShort } from './findTooShort.js';
import { decideScore, type ReplyScore } from './ReplyScore.js';
import type { ScoreInput } from './ScoreInput.js';

/** Every rule-based scorer, in the order their reasons are listed. */
export const ruleScorers: readonly Scorer[] = [
	findTooShort,
	findTooLong,
	findDisclaimers,
	findRefusals,
	findTemplateTokens,
	findAssistantFrame,
	findOutOfCharacterNotes,
	findAssistantFormat,
	findPromptEcho,
	findBrokenCharacter,
	findSpeakerLabels,
	findLoops,
	findNarration,
	findEncyclopedicVoice,
	findOtherVoice,
	findRepetition,
	findBlockedWords,
	findNeverSays,
	findMassMentions,
	findLinks,
];

/** Scores a candidate reply with every rule-based scorer against the channel's `qualityThreshold`. */
export function scoreReply(input: ScoreInput): ReplyScore {
	return decideScore(
		ruleScorers.flatMap((scorer) => scorer(input)),
		input.settings.qualityThreshold,
	);
}
