import type { ServerResponse } from 'node:http';
import type { EmulatorEvent } from '../state/EmulatorEvent.js';
import type { EmulatorStore } from '../state/EmulatorStore.js';
import { toInteractionView, toTranscriptMessage } from './toTranscriptMessage.js';
import type { FeedEvent } from './views.js';

/** The playground's live feed: emulator events as server-sent events on `/_emu/events`. */
export class EventFeed {
	readonly #clients = new Set<ServerResponse>();
	readonly #store: EmulatorStore;
	readonly #unsubscribe: () => void;
	readonly #keepAlive: NodeJS.Timeout;

	public constructor(store: EmulatorStore) {
		this.#store = store;
		this.#unsubscribe = store.subscribe((event) => {
			if (this.#clients.size === 0) return;
			const feedEvent = this.#toFeedEvent(event);
			if (feedEvent) this.#broadcast(`data: ${JSON.stringify(feedEvent)}\n\n`);
		});
		this.#keepAlive = setInterval(() => this.#broadcast(': keep-alive\n\n'), 15_000).unref();
	}

	/** Starts streaming to a response. */
	public attach(response: ServerResponse): void {
		response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
		response.write(': connected\n\n');
		this.#clients.add(response);
		response.on('close', () => this.#clients.delete(response));
	}

	/** Ends every stream. */
	public close(): void {
		this.#unsubscribe();
		clearInterval(this.#keepAlive);
		for (const client of this.#clients) client.end();
		this.#clients.clear();
	}

	#broadcast(chunk: string): void {
		for (const client of this.#clients) client.write(chunk);
	}

	#toFeedEvent(event: EmulatorEvent): FeedEvent | null {
		const store = this.#store;
		switch (event.type) {
			case 'messageCreate':
			case 'messageUpdate':
				return { type: event.type, message: toTranscriptMessage(store, event.message) };
			case 'reactionAdd':
			case 'reactionRemove':
			case 'reactionRemoveAll':
			case 'reactionRemoveEmoji':
				// The page redraws the message with its new reaction counts.
				return { type: 'messageUpdate', message: toTranscriptMessage(store, event.message) };
			case 'messageDelete':
				return { type: 'messageDelete', channelId: event.message.channelId, id: event.message.id };
			case 'typingStart': {
				const user = store.users.get(event.userId);
				return { type: 'typing', channelId: event.channelId, userId: event.userId, displayName: user?.globalName ?? user?.username ?? 'someone' };
			}
			case 'guildCreate':
				return { type: 'guildCreate', guildId: event.guild.id, name: event.guild.name };
			case 'channelCreate':
				return { type: 'channelCreate', guildId: event.channel.guildId, channelId: event.channel.id, name: event.channel.name };
			case 'commandsUpdate':
				return { type: 'commandsUpdate', guildId: event.guildId };
			case 'interactionUpdate':
				return { type: 'interactionUpdate', interaction: toInteractionView(store, event.interaction) };
			default:
				return null;
		}
	}
}
