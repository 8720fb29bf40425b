import type { Message, TextBasedChannel } from 'discord.js';
import { handleMemberMessage, type MemberMessageProgress } from './handleMemberMessage.js';
import type { IntakeContext } from './IntakeContext.js';
import { isRedisOutageError } from './isRedisOutageError.js';
import { mayConcernCharacter } from './mayConcernCharacter.js';
import type { MessageOutcome } from './MessageOutcome.js';
import { type GivenUpMessage, type GiveUpReason, MessageRetryBuffer } from './MessageRetryBuffer.js';
import type { ReceivedMessage } from './ReceivedMessage.js';
import type { HeldMessageSpool, SpooledMessage } from './HeldMessageSpool.js';
import { readReceivedMessage } from './readReceivedMessage.js';

/** What a held member message keeps for an apology, should it be given up, and for the spool. */
interface HeldMemberMessage {
	/** Its channel; a message restored from the spool finds it once the client is logged in. */
	readonly channel: () => Promise<TextBasedChannel>;
	readonly received: ReceivedMessage;
	readonly progress: MemberMessageProgress;
}

/**
 * The `messageCreate` handler. Every message gets an outcome: one that fails is logged with its ids and reported,
 * never thrown into discord.js. Member messages of a channel are handled in the order Discord sent them; one that fails
 * because Redis is away is held and tried again once it answers (Discord never sends a message twice), and its author
 * is told if it has to be given up.
 */
export class MessageIntake {
	readonly #retries: MessageRetryBuffer<HeldMemberMessage>;

	public constructor(
		private readonly context: IntakeContext,
		private readonly onOutcome?: (outcome: MessageOutcome) => void,
		/** Where held messages are written down, so a gateway killed during an outage handles them after it restarts. */
		spool?: HeldMessageSpool,
	) {
		this.#retries = new MessageRetryBuffer<HeldMemberMessage>({
			maxMessages: context.retry.maxMessages,
			maxAgeMs: context.retry.maxAgeMs,
			firstRetryDelayMs: context.retry.firstDelayMs,
			maxRetryDelayMs: context.retry.maxDelayMs,
			isOutage: (error) => isRedisOutageError(error) || context.redis.status !== 'ready',
			onGiveUp: (messages, reason) => this.#apologize(messages, reason),
			onHolding: (holding) => {
				if (holding) context.logger.warn("Redis is unavailable: holding members' messages to handle them once it answers");
				else context.logger.info('no member message is held for Redis any more');
			},
			...(spool === undefined
				? {}
				: {
						journal: {
							held: ({ heldSince, note }) => spool.hold({ received: note.received, heldSince, progress: spooledProgress(note.progress) }),
							released: (messageId) => spool.release(messageId),
						},
					}),
		});
	}

	/**
	 * Holds the messages an earlier gateway process left in the spool (it was killed while Redis was away), in the order
	 * they were held: they are handled like any held message, before their channels' new ones. `channelOf` may wait for
	 * the client to log in. Never rejects; each outcome is logged and reported.
	 */
	public restore(messages: readonly SpooledMessage[], channelOf: (channelId: string) => Promise<TextBasedChannel>): void {
		for (const { received: spooled, heldSince, progress } of messages) {
			const received: ReceivedMessage = { ...spooled, replyToMessageId: spooled.replyToMessageId };
			const channel = () => channelOf(received.channelId);
			// A fresh object: the handler records its progress on it.
			const restoredProgress: MemberMessageProgress = spooledProgress(progress);
			const handled = this.#retries.restore(received.channelId, received.id, { channel, received, progress: restoredProgress }, heldSince, async () =>
				handleMemberMessage(this.context, await channel(), received, restoredProgress),
			);
			void this.context.pending.track(this.#settle(received, handled));
		}
		if (messages.length > 0) this.context.logger.warn({ messages: messages.length }, 'handling member messages an earlier gateway process held for Redis');
	}

	/** Handles one message; never rejects. */
	public receive(message: Message): Promise<MessageOutcome> {
		return this.context.pending.track(this.#handleSafely(message));
	}

	/** Members' messages held until Redis answers again. */
	public get heldMessages(): number {
		return this.#retries.size;
	}

	/** Tries the held messages now; called when the Redis connection is ready again. */
	public retryHeld(): void {
		this.#retries.retryNow();
	}

	/** Gives up the held messages (their authors are told) and holds no more; for shutdown. */
	public giveUpHeld(): void {
		this.#retries.close();
	}

	#handleSafely(message: Message): Promise<MessageOutcome> {
		let handling: Promise<MessageOutcome>;
		try {
			handling = this.#route(message);
		} catch (error) {
			handling = Promise.reject(error);
		}
		return this.#settle({ id: message.id, channelId: message.channelId, guildId: message.guildId }, handling);
	}

	/** Logs and reports a message's outcome; never rejects. */
	async #settle(message: MessageIds, handling: Promise<MessageOutcome>): Promise<MessageOutcome> {
		let outcome: MessageOutcome;
		try {
			outcome = await handling;
		} catch (error) {
			const where = { messageId: message.id, channelId: message.channelId, guildId: message.guildId };
			this.context.logger.error({ ...where, err: error }, `handling message ${message.id} failed; no character was asked to answer it`);
			outcome = { kind: 'failed', messageId: message.id, error: error instanceof Error ? error.message : String(error) };
		}
		this.#log(message, outcome);
		try {
			this.onOutcome?.(outcome);
		} catch (error) {
			this.context.logger.error({ err: error, messageId: message.id }, 'the message outcome listener failed');
		}
		return outcome;
	}

	#route(message: Message): Promise<MessageOutcome> {
		const ignored = (reason: 'own-message' | 'webhook' | 'other-bot' | 'system-message' | 'empty'): Promise<MessageOutcome> =>
			Promise.resolve({ kind: 'ignored', messageId: message.id, reason });
		if (message.author.id === message.client.user.id) return ignored('own-message');
		const received = readReceivedMessage(message);
		if (!received.isChat) return ignored('system-message');
		// A webhook's post, ours included: delivery starts banter itself as it posts a character's reply.
		if (received.webhookId !== null) return ignored('webhook');
		if (received.authorIsBot) return ignored('other-bot');
		// A picture alone is a message: the history notes it, and a reply to a character or a DM still gets an answer.
		if (received.content.trim() === '' && received.images.length === 0) return ignored('empty');
		const progress: MemberMessageProgress = {};
		// Queued now, synchronously, so the channel's order is the order the events arrived in.
		const channel = () => Promise.resolve(message.channel);
		return this.#retries.run(received.channelId, received.id, { channel, received, progress }, () =>
			handleMemberMessage(this.context, message.channel, received, progress),
		);
	}

	#apologize(messages: readonly GivenUpMessage<HeldMemberMessage>[], reason: GiveUpReason): void {
		const byChannel = new Map<string, { channel: () => Promise<TextBasedChannel>; messageId: string; authorId: string }[]>();
		for (const { note } of messages) {
			const { decided } = note.progress;
			const concerned = decided === undefined ? mayConcernCharacter(note.received, this.context.characters()) : decided.decision.reason === 'triggered';
			if (!concerned) continue;
			const targets = byChannel.get(note.received.channelId) ?? [];
			targets.push({ channel: note.channel, messageId: note.received.id, authorId: note.received.authorId });
			byChannel.set(note.received.channelId, targets);
		}
		for (const [channelId, targets] of byChannel) {
			const where = { channelId, reason, messages: targets.length };
			void this.context.pending.track(
				Promise.all(targets.map(async (target) => ({ ...target, channel: await target.channel() })))
					.then((resolved) => this.context.apology.post(channelId, resolved))
					.then((posted) => {
						if (posted) this.context.logger.info(where, 'told the channel that messages held for Redis were given up');
					})
					.catch((error: unknown) => this.context.logger.warn({ ...where, err: error }, 'could not post the apology for given-up messages')),
			);
		}
	}

	#log(message: MessageIds, outcome: MessageOutcome): void {
		const where = { messageId: message.id, channelId: message.channelId, guildId: message.guildId, outcome: outcome.kind };
		if (outcome.kind === 'enqueued') this.context.logger.info({ ...where, jobIds: outcome.jobIds }, `enqueued ${outcome.jobIds.join(', ')}`);
		else if (outcome.kind !== 'failed') this.context.logger.debug({ ...where, reason: outcome.reason }, `message ${outcome.kind}: ${outcome.reason}`);
	}
}

/** Which message an outcome is about. */
interface MessageIds {
	readonly id: string;
	readonly channelId: string;
	readonly guildId: string | null;
}

/** What of a message's progress the spool keeps, and a replay starts from: the steps it must not take twice. */
function spooledProgress(
	progress: SpooledMessage['progress'],
): Pick<MemberMessageProgress, 'seenClaimed' | 'userCooldownTaken' | 'channelCooldownTaken' | 'budgetReserved'> {
	const { seenClaimed, userCooldownTaken, channelCooldownTaken, budgetReserved } = progress;
	return {
		...(seenClaimed === undefined ? {} : { seenClaimed }),
		...(userCooldownTaken === undefined ? {} : { userCooldownTaken }),
		...(channelCooldownTaken === undefined ? {} : { channelCooldownTaken }),
		...(budgetReserved === undefined ? {} : { budgetReserved }),
	};
}
