import { respondToInteraction } from '../../interactions/respondToInteraction.js';
import { serializeMessage } from '../../serialize/serializeMessage.js';
import { parseMessageBody } from '../parseMessageBody.js';
import { json, noContent, type RestRoute } from '../RestRoute.js';

/** The interaction callback: the bot's first answer to an interaction. */
export const interactionRoutes: readonly RestRoute[] = [
	{
		method: 'POST',
		pattern: '/interactions/:interactionId/:token/callback',
		auth: false,
		handle: async ({ store, params, query, payload, env }) => {
			const { json: raw, files } = await payload();
			const body = (raw ?? {}) as { type?: unknown; data?: unknown };
			const type = typeof body.type === 'number' ? body.type : -1;
			const data = body.data === undefined || body.data === null ? null : parseMessageBody(body.data);
			const { interaction, message } = respondToInteraction(store, {
				interactionId: params.interactionId ?? '',
				token: params.token ?? '',
				type,
				data,
				attachments: files,
				callbackTimeoutMs: env.callbackTimeoutMs,
			});
			if (query.get('with_response') !== 'true') return noContent;
			return json({
				interaction: {
					id: interaction.id,
					type: interaction.type,
					...(message
						? { response_message_id: message.id, response_message_loading: (message.flags & 128) !== 0, response_message_ephemeral: (message.flags & 64) !== 0 }
						: {}),
				},
				// Only a message-creating (4) or message-updating (7) callback has a resource to return.
				...(message && (type === 4 || type === 7) ? { resource: { type, message: serializeMessage(store, message, { gateway: false }) } } : {}),
			});
		},
	},
];
