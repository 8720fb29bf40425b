import type { TextBasedChannel } from 'discord.js';
import type { IntakeContext } from '../intake/IntakeContext.js';
import type { MessageOutcome } from '../intake/MessageOutcome.js';
import type { ReceivedMessage } from '../intake/ReceivedMessage.js';
import { showActivity } from '../intake/showActivity.js';
import { enqueueRouteJobs } from '../routing/enqueueRouteJobs.js';
import { decideTriggers } from '../triggers/decideTriggers.js';
import { findSpeaker } from './findSpeaker.js';
import { parseChannelWebhookId } from './parseChannelWebhookId.js';
import { readWholeReply } from './readWholeReply.js';

/**
 * A webhook post: when it came from our own channel webhook, a character spoke, and a character it names may
 * answer (`banter`, one level deeper) until the channel's banter limit: one chain per channel, since a post with a
 * character still to answer after it starts none, and a member message since ends the chain. A reply posted in several
 * parts starts at most one chain, from its last part, for the whole reply. Any other webhook is ignored.
 */
export async function handleCharacterPost(context: IntakeContext, channel: TextBasedChannel, received: ReceivedMessage): Promise<MessageOutcome> {
	const { guildId, channelId } = received;
	const ignored = (reason: 'unknown-webhook' | 'unknown-speaker'): MessageOutcome => ({ kind: 'ignored', messageId: received.id, reason });
	if (guildId === null) return ignored('unknown-webhook');
	const stored = await context.redis.get(context.keyspace.channelWebhook(guildId, channelId));
	const ourWebhookId = stored === null ? undefined : parseChannelWebhookId(stored);
	if (stored !== null && ourWebhookId === undefined)
		context.logger.warn({ guildId, channelId }, 'the cached channel webhook is unreadable; treating its posts as unknown');
	if (ourWebhookId === undefined || ourWebhookId !== received.webhookId) return ignored('unknown-webhook');

	const speaker = await findSpeaker(context, received);
	if (speaker === undefined) {
		context.logger.warn({ guildId, channelId, messageId: received.id }, 'a post of our webhook has no recorded owner and matches no character name');
		return ignored('unknown-speaker');
	}
	if (speaker.source === 'owner' && speaker.owner.turnContinues === true) return { kind: 'not-triggered', messageId: received.id, reason: 'turn-continues' };
	if (speaker.source === 'owner' && speaker.owner.replyContinues === true) return { kind: 'not-triggered', messageId: received.id, reason: 'reply-continues' };
	const [settings, currentTurn] = await Promise.all([
		context.settings.effective(guildId, channelId),
		context.redis.get(context.keyspace.channelTurn(guildId, channelId)),
	]);
	const turnOf = speaker.source === 'owner' ? speaker.owner.turnOf : undefined;
	if (turnOf !== undefined && currentTurn !== null && currentTurn !== turnOf) return { kind: 'not-triggered', messageId: received.id, reason: 'superseded' };
	if (speaker.source === 'name') {
		context.logger.warn(
			{ guildId, channelId, messageId: received.id, characterId: speaker.characterId },
			'no owner recorded for a character post: its banter depth is unknown, so nobody answers it',
		);
	}
	// Without the owner record the depth is unknown; treating it as the limit can never start an endless exchange.
	const owner = speaker.source === 'owner' ? speaker.owner : { characterId: speaker.characterId, cascadeDepth: settings.banterLimit };
	// The last part of a long reply speaks for all of it: a name in any part is answered, once.
	const reply = speaker.source === 'owner' ? await readWholeReply(context.logger, channel, received, speaker.owner) : received;
	const decision = decideTriggers({
		content: reply.content,
		isDm: false,
		botMentioned: false,
		speaker: owner,
		settings,
		characters: context.characters(),
		defaultCharacter: context.defaultCharacter,
		random: context.random,
		maxCharacters: context.maxCharactersPerMessage,
	});
	if (decision.reason !== 'triggered') return { kind: 'not-triggered', messageId: received.id, reason: decision.reason };
	if (!(await context.cooldowns.tryStart(guildId, 'channel', channelId, settings.channelCooldownSeconds))) {
		return { kind: 'cooldown', messageId: received.id, reason: 'channel-cooldown' };
	}
	const jobIds = await enqueueRouteJobs(context.routeQueue, reply, decision.triggered, { speakerId: owner.characterId, turnOf: turnOf ?? reply.id });
	showActivity(context, channel, received);
	return { kind: 'enqueued', messageId: received.id, jobIds };
}
