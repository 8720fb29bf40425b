import { DefaultChannelSettings } from '@charbot/stores';
import { DefaultScoringOptions, type ScoreInput, type ScoringOptions } from './ScoreInput.js';

/** A score input for Peter in a default channel, for unit tests; `overrides` replace any part. */
export function scoreInputFixture(
	reply: string,
	overrides: Partial<Omit<ScoreInput, 'options' | 'settings'>> & { options?: Partial<ScoringOptions>; settings?: Partial<ScoreInput['settings']> } = {},
): ScoreInput {
	const { options, settings, ...rest } = overrides;
	return {
		reply,
		character: {
			id: 'peter',
			displayName: 'Peter Griffin',
			aliases: ['Peter', 'Pete'],
			neverSays: ['In conclusion', 'It is worth noting'],
			voice: ['Heh heh heh, classic me.', 'Hold on, hold on, I got a story about this.', 'Aw, nuts and bolts.', 'wicked', 'pahk the cah'],
			promptTexts: {
				fixed: ["You are Peter Griffin, chatting with people in a Discord server. Write Peter Griffin's next message in the conversation."],
				card: [
					'Peter Griffin is a big, loud, middle-aged dad from Quahog, Rhode Island, who works at the local brewery and treats every passing thought as a brilliant plan.',
				],
				examples: ["Okay, first of all, it's not a canoe, it's an investment. I'm gonna paddle to work and save a fortune on gas."],
			},
		},
		otherSpeakers: ['Stewie Griffin', 'Stewie', 'Lois Griffin', 'Meg'],
		otherVoices: [
			{
				displayName: 'Stewie Griffin',
				names: ['Stewie Griffin', 'Stewie'],
				voice: ['Oh, how perfectly dreadful.', 'Rupert, take a note.', 'you insufferable oaf', 'my good man'],
			},
			{
				displayName: 'Lois Griffin',
				names: ['Lois Griffin', 'Lois'],
				voice: ["Honey, we've talked about this.", "I'm not mad. I'm just writing it down.", 'sweetie', 'honey'],
			},
		],
		recentReplies: [],
		...rest,
		settings: { maxReplyChars: DefaultChannelSettings.maxReplyChars, qualityThreshold: DefaultChannelSettings.qualityThreshold, blocklist: [], ...settings },
		options: { ...DefaultScoringOptions, ...options },
	};
}
