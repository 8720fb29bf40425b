/**
 * An embed as Discord returns it: embeds sent by bots and webhooks are always `type: "rich"` (whatever `type` was sent),
 * and every field carries `inline`.
 */
export function serializeEmbed(embed: Readonly<Record<string, unknown>>): Record<string, unknown> {
	const { type: _sentType, fields, ...rest } = embed;
	return {
		type: 'rich',
		...rest,
		...(Array.isArray(fields)
			? { fields: fields.map((field: Readonly<Record<string, unknown>>) => ({ name: field.name, value: field.value, inline: field.inline === true })) }
			: {}),
	};
}
