import type { EmulatorStore } from '../state/EmulatorStore.js';
import type { MessageRecord } from '../state/records.js';

/** Removes a message from its channel and announces it (MESSAGE_DELETE). */
export function deleteMessage(store: EmulatorStore, message: MessageRecord): void {
	const channel = store.channels.get(message.channelId);
	channel?.messages?.delete(message.id);
	store.emit({ type: 'messageDelete', message });
}
