/**
 * An embed as Discord returns it: embeds sent by bots and webhooks are always `type: "rich"` (whatever `type` was sent),
 * while a member's message keeps the type of the link preview Discord made (`image`, `gifv`, `article`, …); every field
 * carries `inline`.
 */
export function serializeEmbed(embed: Readonly<Record<string, unknown>>, linkPreview = false): Record<string, unknown> {
	const { type: sentType, fields, ...rest } = embed;
	return {
		type: linkPreview && typeof sentType === 'string' ? sentType : 'rich',
		...rest,
		...(Array.isArray(fields)
			? { fields: fields.map((field: Readonly<Record<string, unknown>>) => ({ name: field.name, value: field.value, inline: field.inline === true })) }
			: {}),
	};
}
