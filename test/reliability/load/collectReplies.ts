import type { PlatformHarness } from '../../pipeline/platformHarness.js';
import type { CharacterReply } from './CharacterReply.js';
import { questionTokenPattern } from './questionTokenPattern.js';

/** Every character reply (a channel webhook's message) in these channels, oldest first per channel. */
export function collectReplies(platform: PlatformHarness, channelIds: readonly string[]): CharacterReply[] {
	return channelIds.flatMap((channelId) =>
		platform
			.botMessages(channelId)
			.filter((message) => message.author.kind === 'webhook')
			.map((message) => ({
				id: message.id,
				channelId,
				content: message.content,
				token: questionTokenPattern.exec(message.content)?.[0],
				postedAt: Date.parse(message.timestamp),
			})),
	);
}
