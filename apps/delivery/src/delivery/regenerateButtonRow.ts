import { RegenerateButtonId } from '@charbot/stores';
import { type APIActionRowComponent, type APIButtonComponentWithCustomId, ButtonStyle, ComponentType } from 'discord.js';

/**
 * The row under a character's reply: one grey "🔄 Regenerate" button asking for another answer (the message it is on
 * names the reply). The label says what it does where the emoji alone would not (screen readers, fonts without it).
 */
export function regenerateButtonRow(): APIActionRowComponent<APIButtonComponentWithCustomId> {
	return {
		type: ComponentType.ActionRow,
		components: [{ type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: RegenerateButtonId, emoji: { name: '🔄' }, label: 'Regenerate' }],
	};
}
