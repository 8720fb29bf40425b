import type { Message } from 'discord.js';
import { handleCharacterPost } from '../banter/handleCharacterPost.js';
import { ChannelSequencer } from './ChannelSequencer.js';
import { handleMemberMessage } from './handleMemberMessage.js';
import type { IntakeContext } from './IntakeContext.js';
import type { MessageOutcome } from './MessageOutcome.js';
import { readReceivedMessage } from './readReceivedMessage.js';

/**
 * The `messageCreate` handler. Every message gets an outcome: one that fails is logged with its ids and reported,
 * never thrown into discord.js. Member messages of a channel are handled in the order Discord sent them.
 */
export class MessageIntake {
	readonly #sequencer = new ChannelSequencer();

	public constructor(
		private readonly context: IntakeContext,
		private readonly onOutcome?: (outcome: MessageOutcome) => void,
	) {}

	/** Handles one message; never rejects. */
	public receive(message: Message): Promise<MessageOutcome> {
		return this.context.pending.track(this.#handleSafely(message));
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
		// Queued now, synchronously, so the channel's order is the order the events arrived in.
		return this.#sequencer.run(received.channelId, () => handleMemberMessage(this.context, message.channel, received));
	}

	#log(message: Message, outcome: MessageOutcome): void {
		const where = { messageId: message.id, channelId: message.channelId, guildId: message.guildId, outcome: outcome.kind };
		if (outcome.kind === 'enqueued') this.context.logger.info({ ...where, jobIds: outcome.jobIds }, `enqueued ${outcome.jobIds.join(', ')}`);
		else if (outcome.kind !== 'failed') this.context.logger.debug({ ...where, reason: outcome.reason }, `message ${outcome.kind}: ${outcome.reason}`);
	}
}
