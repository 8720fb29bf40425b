import type { Dispatch } from '../gateway/Dispatch.js';
import { GatewayIntents } from '../gateway/GatewayIntents.js';
import { serializeMember } from '../serialize/serializeGuildParts.js';
import type { EmulatorEvent } from '../state/EmulatorEvent.js';
import type { EmulatorStore } from '../state/EmulatorStore.js';
import { serializeReactionEmoji } from './serializeReactions.js';

type ReactionEvent = Extract<EmulatorEvent, { type: 'reactionAdd' | 'reactionRemove' | 'reactionRemoveAll' | 'reactionRemoveEmoji' }>;

const names = {
	reactionAdd: 'MESSAGE_REACTION_ADD',
	reactionRemove: 'MESSAGE_REACTION_REMOVE',
	reactionRemoveAll: 'MESSAGE_REACTION_REMOVE_ALL',
	reactionRemoveEmoji: 'MESSAGE_REACTION_REMOVE_EMOJI',
} as const;

/** The MESSAGE_REACTION_* dispatch of a reaction event, for sessions with Guild (or Direct) Message Reactions. */
export function reactionDispatch(store: EmulatorStore, event: ReactionEvent): Dispatch {
	const { message } = event;
	const intents = message.guildId === null ? GatewayIntents.DirectMessageReactions : GatewayIntents.GuildMessageReactions;
	let rendered: string | undefined;
	return {
		t: names[event.type],
		guildId: message.guildId,
		intents,
		render: () => {
			rendered ??= JSON.stringify(reactionPayload(store, event));
			return rendered;
		},
	};
}

function reactionPayload(store: EmulatorStore, event: ReactionEvent): Record<string, unknown> {
	const { message } = event;
	const where = { channel_id: message.channelId, message_id: message.id, ...(message.guildId ? { guild_id: message.guildId } : {}) };
	if (event.type === 'reactionRemoveAll') return where;
	const emoji = serializeReactionEmoji(event.emoji);
	if (event.type === 'reactionRemoveEmoji') return { ...where, emoji };
	const payload: Record<string, unknown> = { user_id: event.userId, ...where, emoji, burst: false, type: 0 };
	if (event.type === 'reactionRemove') return payload;
	const member = message.guildId === null ? undefined : store.guilds.get(message.guildId)?.members.get(event.userId);
	const user = store.users.get(event.userId);
	if (member && user) payload.member = serializeMember(member, user);
	if (message.webhookId === null) payload.message_author_id = message.authorId;
	payload.burst_colors = [];
	return payload;
}
