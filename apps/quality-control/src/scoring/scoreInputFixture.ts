import { DefaultChannelSettings } from '@charbot/conversation';
import { DefaultScoringOptions, type ScoreInput, type ScoringOptions } from './ScoreInput.js';

/** A score input for Peter in a default channel, for unit tests; `overrides` replace any part. */
export function scoreInputFixture(
	reply: string,
	overrides: Partial<Omit<ScoreInput, 'options' | 'settings'>> & { options?: Partial<ScoringOptions>; settings?: Partial<ScoreInput['settings']> } = {},
): ScoreInput {
	const { options, settings, ...rest } = overrides;
	return {
		reply,
		character: { id: 'peter', displayName: 'Peter Griffin', aliases: ['Peter', 'Pete'], neverSays: ['In conclusion', 'It is worth noting'] },
		otherSpeakers: ['Stewie Griffin', 'Stewie', 'Lois Griffin', 'Meg'],
		recentReplies: [],
		...rest,
		settings: { maxReplyChars: DefaultChannelSettings.maxReplyChars, qualityThreshold: DefaultChannelSettings.qualityThreshold, blocklist: [], ...settings },
		options: { ...DefaultScoringOptions, ...options },
	};
}
