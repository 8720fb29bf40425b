import type { TextBasedChannel } from 'discord.js';
import { rememberAskedFact } from '../memory/rememberAskedFact.js';
import { enqueueRouteJobs } from '../routing/enqueueRouteJobs.js';
import { decideTriggers } from '../triggers/decideTriggers.js';
import type { IntakeContext } from './IntakeContext.js';
import type { MessageOutcome } from './MessageOutcome.js';
import type { ReceivedMessage } from './ReceivedMessage.js';
import { recordMemberMessage } from './recordMemberMessage.js';
import { showActivity } from './showActivity.js';

/**
 * A member's message: record it in the channel history (characters see the whole conversation), decide which
 * characters it concerns, remember a fact it asks a character to remember, apply the member and channel cooldowns,
 * then enqueue one route job per character.
 */
export async function handleMemberMessage(context: IntakeContext, channel: TextBasedChannel, received: ReceivedMessage): Promise<MessageOutcome> {
	const { guildId, channelId, authorId } = received;
	const isDm = guildId === null;
	const settings = await context.settings.effective(guildId, channelId);
	if (settings.mode !== 'off') await recordMemberMessage(context, received);

	const [replyOwner, dmCharacter] = await Promise.all([
		received.replyToMessageId === undefined ? undefined : context.owners.owner(guildId, received.replyToMessageId).then((owner) => owner?.characterId),
		isDm ? context.redis.get(context.keyspace.dmCharacter(authorId)).then((id) => id ?? undefined) : undefined,
	]);
	const decision = decideTriggers({
		content: received.content,
		isDm,
		botMentioned: received.botMentioned,
		replyOwner,
		dmCharacter,
		settings,
		characters: context.characters(),
		defaultCharacter: context.defaultCharacter,
		random: context.random,
		maxCharacters: context.maxCharactersPerMessage,
	});
	if (decision.namedDmCharacter !== undefined && decision.namedDmCharacter !== dmCharacter) {
		await context.redis.set(context.keyspace.dmCharacter(authorId), decision.namedDmCharacter, 'EX', context.dmCharacterTtlSeconds);
	}
	if (decision.reason !== 'triggered') return { kind: 'not-triggered', messageId: received.id, reason: decision.reason };
	// Only a message addressed to a character asks it to remember; a character chiming in on chatter does not count.
	if (decision.triggered.some((entry) => entry.trigger !== 'active-channel'))
		await rememberAskedFact(context.memory, settings, guildId, authorId, received.content);

	if (!(await context.cooldowns.tryStart(guildId, 'user', authorId, settings.userCooldownSeconds))) {
		return { kind: 'cooldown', messageId: received.id, reason: 'user-cooldown' };
	}
	if (!(await context.cooldowns.tryStart(guildId, 'channel', channelId, settings.channelCooldownSeconds))) {
		return { kind: 'cooldown', messageId: received.id, reason: 'channel-cooldown' };
	}
	const jobIds = await enqueueRouteJobs(context.routeQueue, received, decision.triggered);
	showActivity(context, channel, received);
	return { kind: 'enqueued', messageId: received.id, jobIds };
}
