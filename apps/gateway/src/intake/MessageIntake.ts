import type { Message, TextBasedChannel } from 'discord.js';
import { handleCharacterPost } from '../banter/handleCharacterPost.js';
import { handleMemberMessage, type MemberMessageProgress } from './handleMemberMessage.js';
import type { IntakeContext } from './IntakeContext.js';
import { isRedisOutageError } from './isRedisOutageError.js';
import { mayConcernCharacter } from './mayConcernCharacter.js';
import type { MessageOutcome } from './MessageOutcome.js';
import { type GivenUpMessage, type GiveUpReason, MessageRetryBuffer } from './MessageRetryBuffer.js';
import type { ReceivedMessage } from './ReceivedMessage.js';
import { readReceivedMessage } from './readReceivedMessage.js';

/** What a held member message keeps for an apology, should it be given up. */
interface HeldMemberMessage {
	readonly channel: TextBasedChannel;
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
		});
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

	async #handleSafely(message: Message): Promise<MessageOutcome> {
		let outcome: MessageOutcome;
		try {
			outcome = await this.#route(message);
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
		const ignored = (reason: 'own-message' | 'other-bot' | 'system-message' | 'empty'): Promise<MessageOutcome> =>
			Promise.resolve({ kind: 'ignored', messageId: message.id, reason });
		if (message.author.id === message.client.user.id) return ignored('own-message');
		const received = readReceivedMessage(message);
		if (!received.isChat) return ignored('system-message');
		if (received.webhookId !== null) return handleCharacterPost(this.context, message.channel, received);
		if (received.authorIsBot) return ignored('other-bot');
		if (received.content.trim() === '') return ignored('empty');
		const progress: MemberMessageProgress = {};
		// Queued now, synchronously, so the channel's order is the order the events arrived in.
		return this.#retries.run(received.channelId, received.id, { channel: message.channel, received, progress }, () =>
			handleMemberMessage(this.context, message.channel, received, progress),
		);
	}

	#apologize(messages: readonly GivenUpMessage<HeldMemberMessage>[], reason: GiveUpReason): void {
		const byChannel = new Map<string, { channel: TextBasedChannel; messageId: string; authorId: string }[]>();
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
				this.context.apology
					.post(channelId, targets)
					.then((posted) => {
						if (posted) this.context.logger.info(where, 'told the channel that messages held for Redis were given up');
					})
					.catch((error: unknown) => this.context.logger.warn({ ...where, err: error }, 'could not post the apology for given-up messages')),
			);
		}
	}

	#log(message: Message, outcome: MessageOutcome): void {
		const where = { messageId: message.id, channelId: message.channelId, guildId: message.guildId, outcome: outcome.kind };
		if (outcome.kind === 'enqueued') this.context.logger.info({ ...where, jobIds: outcome.jobIds }, `enqueued ${outcome.jobIds.join(', ')}`);
		else if (outcome.kind !== 'failed') this.context.logger.debug({ ...where, reason: outcome.reason }, `message ${outcome.kind}: ${outcome.reason}`);
	}
}
