import type { ChannelSettings } from '@charbot/conversation';
import type { TextBasedChannel } from 'discord.js';
import { rememberAskedFact } from '../memory/rememberAskedFact.js';
import { enqueueRouteJobs } from '../routing/enqueueRouteJobs.js';
import { decideTriggers, type TriggerDecision } from '../triggers/decideTriggers.js';
import type { IntakeContext } from './IntakeContext.js';
import type { MessageOutcome } from './MessageOutcome.js';
import type { ReceivedMessage } from './ReceivedMessage.js';
import { type RecordProgress, recordMemberMessage } from './recordMemberMessage.js';
import { showActivity } from './showActivity.js';

/**
 * What earlier tries of one member message already did, filled in as it goes, so a try after a Redis error neither rolls
 * the dice again nor runs into the cooldowns its own earlier try started. The other steps are safe to repeat: the history
 * records a message id once (a retry appends what its first try claimed), facts are deduplicated, and route job ids are
 * deterministic.
 */
export interface MemberMessageProgress extends RecordProgress {
	decided?: { readonly settings: ChannelSettings; readonly decision: TriggerDecision };
	userCooldownTaken?: boolean;
	channelCooldownTaken?: boolean;
}

/**
 * A member's message: record it in the channel history (characters see the whole conversation), decide which
 * characters it concerns, remember a fact it asks a character to remember, apply the member and channel cooldowns,
 * then enqueue one route job per character.
 */
export async function handleMemberMessage(
	context: IntakeContext,
	channel: TextBasedChannel,
	received: ReceivedMessage,
	progress: MemberMessageProgress = {},
): Promise<MessageOutcome> {
	const { guildId, channelId, authorId } = received;
	const { settings, decision } = progress.decided ?? (await decide(context, received, progress));
	progress.decided = { settings, decision };
	if (decision.reason !== 'triggered') return { kind: 'not-triggered', messageId: received.id, reason: decision.reason };
	// Only a message addressed to a character asks it to remember; a character chiming in on chatter does not count.
	if (decision.triggered.some((entry) => entry.trigger !== 'active-channel'))
		await rememberAskedFact(context.memory, settings, guildId, authorId, received.content);

	if (progress.userCooldownTaken !== true) {
		if (!(await context.cooldowns.tryStart(guildId, 'user', authorId, settings.userCooldownSeconds))) {
			return { kind: 'cooldown', messageId: received.id, reason: 'user-cooldown' };
		}
		progress.userCooldownTaken = true;
	}
	if (progress.channelCooldownTaken !== true) {
		if (!(await context.cooldowns.tryStart(guildId, 'channel', channelId, settings.channelCooldownSeconds))) {
			return { kind: 'cooldown', messageId: received.id, reason: 'channel-cooldown' };
		}
		progress.channelCooldownTaken = true;
	}
	const jobIds = await enqueueRouteJobs(context.routeQueue, received, decision.triggered);
	showActivity(context, channel, received);
	return { kind: 'enqueued', messageId: received.id, jobIds };
}

/** Records the message and decides which characters it concerns (remembering a DM's named character). */
async function decide(
	context: IntakeContext,
	received: ReceivedMessage,
	progress: RecordProgress,
): Promise<{ settings: ChannelSettings; decision: TriggerDecision }> {
	const { guildId, channelId, authorId } = received;
	const isDm = guildId === null;
	const settings = await context.settings.effective(guildId, channelId);
	if (settings.mode !== 'off') await recordMemberMessage(context, received, progress);

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
	return { settings, decision };
}
