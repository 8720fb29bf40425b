import type { Finding, FindingKind } from './Finding.js';

/** Penalty of a doubt: one leaves a reply passing but inside the default judge band, three fail it. */
const doubtPenalty = 0.2;

/**
 * A soft finding for a sign too weak to fail a reply on its own (one lecture word, half a catchphrase of another
 * character, a mention of bots): it lowers the score into the band where `borderline` mode asks the judge.
 */
export function doubtFinding(kind: FindingKind, reason: string): Finding {
	return { kind, reason, penalty: doubtPenalty, hard: false };
}
