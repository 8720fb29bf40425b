import type { ChannelSettings } from '@charbot/stores';
import type { TextBasedChannel } from 'discord.js';
import { answerDmsOff } from '../budget/answerDmsOff.js';
import { showOverBudget } from '../budget/showOverBudget.js';
import { rememberAskedFact } from '../memory/rememberAskedFact.js';
import { enqueueRouteJobs } from '../routing/enqueueRouteJobs.js';
import { decideTriggers, type TriggerDecision } from '../triggers/decideTriggers.js';
import type { IntakeContext } from './IntakeContext.js';
import type { MessageOutcome } from './MessageOutcome.js';
import type { ReceivedMessage } from './ReceivedMessage.js';
import { type RecordProgress, recordMemberMessage } from './recordMemberMessage.js';
import { showActivity } from './showActivity.js';
import { showCooldown } from './showCooldown.js';
import type { CooldownProgress } from './takeMemberCooldowns.js';

// Banter lasts seconds to minutes; a day is long enough to outlive any exchange.
const channelTurnTtlSeconds = 86_400;

/**
 * What earlier tries of one member message already did, filled in as it goes, so a try after a Redis error neither rolls
 * the dice again nor runs into the cooldowns its own earlier try started. The other steps are safe to repeat: the history
 * records a message id once (its claim and the append are one script), facts are deduplicated, and route job ids are
 * deterministic.
 */
export interface MemberMessageProgress extends RecordProgress, CooldownProgress {
	decided?: { readonly settings: ChannelSettings; readonly decision: TriggerDecision };
	budgetReserved?: boolean;
}

/**
 * A member's message: record it in the channel history (characters see the whole conversation), decide which
 * characters it concerns, remember a fact it asks a character to remember, apply the member and channel cooldowns (a
 * message they hold back gets the ⏳ reaction), reserve a generation per character in the member's and the guild's
 * budgets (a message over budget gets a note or ⏳), then start the characters' turn (the first one's route job; the
 * others follow it). With DMs turned off, a DM gets only a short note, once a day.
 */
export async function handleMemberMessage(
	context: IntakeContext,
	channel: TextBasedChannel,
	received: ReceivedMessage,
	progress: MemberMessageProgress = {},
): Promise<MessageOutcome> {
	const { guildId, channelId, authorId } = received;
	if (guildId === null && !context.dmsEnabled) {
		answerDmsOff(context, channel, received);
		return { kind: 'refused', messageId: received.id, reason: 'dms-off' };
	}
	const { settings, decision } = progress.decided ?? (await decide(context, received, progress));
	progress.decided = { settings, decision };
	if (decision.reason !== 'triggered') return { kind: 'not-triggered', messageId: received.id, reason: decision.reason };
	// A character chiming in on chatter was not addressed: the member asked it to remember nothing, waits for no answer,
	// and spends nothing of their own budget.
	const addressed = decision.triggered.some((entry) => entry.trigger !== 'active-channel');
	if (addressed) await rememberAskedFact(context.memory, settings, guildId, authorId, received.content);

	// A member who called a character sees that a cooldown held the message back; a character not chiming in goes unseen.
	const heldBack = (reason: 'user-cooldown' | 'channel-cooldown'): MessageOutcome => {
		if (addressed) showCooldown(context, channel, received);
		return { kind: 'cooldown', messageId: received.id, reason };
	};
	// One script: the cooldowns, the budgets (reserved here, at the gate, so a burst is refused before it reaches the queue;
	// the router charges regenerations) and the channel turn, so banter still running from an earlier message stops at its
	// next post. Steps an earlier try took are not taken again.
	const admission = await context.admission.admit({
		guildId,
		channelId,
		authorId,
		userCooldownSeconds: progress.userCooldownTaken === true ? 0 : settings.userCooldownSeconds,
		channelCooldownSeconds: progress.channelCooldownTaken === true ? 0 : settings.channelCooldownSeconds,
		generations: progress.budgetReserved === true ? 0 : decision.triggered.length,
		chargeMember: addressed,
		...(guildId === null ? {} : { turn: { key: context.keyspace.channelTurn(guildId, channelId), value: received.id, ttlSeconds: channelTurnTtlSeconds } }),
	});
	if (!admission.admitted) {
		if (admission.reason !== 'budget') return heldBack(admission.reason);
		if (addressed) showOverBudget(context, channel, received, { allowed: false, scope: admission.scope, retryAt: admission.retryAt });
		return { kind: 'refused', messageId: received.id, reason: admission.scope === 'member' ? 'member-budget' : 'guild-budget' };
	}
	progress.userCooldownTaken = true;
	progress.channelCooldownTaken = true;
	progress.budgetReserved = true;
	const jobIds = await enqueueRouteJobs(context.routeQueue, received, decision.triggered, { turnOf: received.id });
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
	// Recording and the reads a decision needs are independent: sent together, one round trip.
	const [, replyOwner, dmCharacter] = await Promise.all([
		settings.mode === 'off' ? undefined : recordMemberMessage(context, received, progress),
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
