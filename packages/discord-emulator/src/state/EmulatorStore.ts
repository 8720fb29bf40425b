import { randomBytes } from 'node:crypto';
import { SnowflakeGenerator } from '../snowflake/SnowflakeGenerator.js';
import type { EmulatorEvent, EmulatorEventListener } from './EmulatorEvent.js';
import type { ChannelRecord, CommandRecord, GuildRecord, InteractionRecord, MessageRecord, UserRecord, WebhookRecord } from './records.js';

/** Options of {@link EmulatorStore}. */
export interface EmulatorStoreOptions {
	readonly botUsername: string;
	/** Messages kept per channel; older ones are forgotten. */
	readonly maxMessagesPerChannel: number;
	/** Interactions kept in memory (oldest dropped first). */
	readonly maxInteractions: number;
}

/** Everything the emulated Discord knows, in plain maps, plus the event bus. No behaviour beyond bookkeeping. */
export class EmulatorStore {
	public readonly ids = new SnowflakeGenerator();
	public readonly users = new Map<string, UserRecord>();
	public readonly guilds = new Map<string, GuildRecord>();
	public readonly channels = new Map<string, ChannelRecord>();
	public readonly webhooks = new Map<string, WebhookRecord>();
	public readonly commands = new Map<string, CommandRecord>();
	public readonly interactions = new Map<string, InteractionRecord>();
	public readonly interactionsByToken = new Map<string, InteractionRecord>();
	/** The bot's DM channel with each user. */
	public readonly dmChannelByUser = new Map<string, string>();
	public readonly bot: UserRecord;
	/** The bot's application id; Discord makes it equal to the bot user's id. */
	public readonly applicationId: string;
	public readonly options: EmulatorStoreOptions;
	readonly #listeners = new Set<EmulatorEventListener>();

	public constructor(options: EmulatorStoreOptions) {
		this.options = options;
		const id = this.ids.next();
		this.bot = { id, username: options.botUsername, globalName: null, bot: true, avatarUrl: null };
		this.applicationId = id;
		this.users.set(id, this.bot);
	}

	/** Subscribes to events; returns the unsubscribe function. */
	public subscribe(listener: EmulatorEventListener): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/** Tells every listener; one failing listener is logged and does not stop the others. */
	public emit(event: EmulatorEvent): void {
		for (const listener of this.#listeners) {
			try {
				listener(event);
			} catch (error) {
				console.error(`discord-emulator: a ${event.type} listener failed`, error);
			}
		}
	}

	/** Stores a message at the end of its channel, forgetting the oldest beyond the cap. */
	public appendMessage(channel: ChannelRecord, message: MessageRecord): void {
		channel.messages ??= new Map();
		channel.messages.set(message.id, message);
		channel.lastMessageId = message.id;
		if (channel.messages.size > this.options.maxMessagesPerChannel) {
			const oldest = channel.messages.keys().next().value;
			if (oldest !== undefined) channel.messages.delete(oldest);
		}
	}

	/** A message by channel and id. */
	public message(channelId: string, messageId: string): MessageRecord | undefined {
		return this.channels.get(channelId)?.messages?.get(messageId);
	}

	/** Stores an interaction, forgetting the oldest beyond the cap. */
	public addInteraction(interaction: InteractionRecord): void {
		this.interactions.set(interaction.id, interaction);
		this.interactionsByToken.set(interaction.token, interaction);
		if (this.interactions.size > this.options.maxInteractions) {
			const oldest = this.interactions.values().next().value;
			if (oldest) {
				this.interactions.delete(oldest.id);
				this.interactionsByToken.delete(oldest.token);
			}
		}
	}

	/** A random token like Discord's webhook and interaction tokens. */
	public newToken(bytes = 48): string {
		return randomBytes(bytes).toString('base64url');
	}
}
