import type { CommandRecord } from '../state/records.js';

/** An application command object as the API returns it. */
export function serializeCommand(command: CommandRecord, applicationId: string): Record<string, unknown> {
	return {
		name_localizations: null,
		description_localizations: null,
		dm_permission: true,
		contexts: null,
		integration_types: [0],
		nsfw: false,
		...command.extra,
		id: command.id,
		application_id: applicationId,
		...(command.guildId ? { guild_id: command.guildId } : {}),
		version: command.version,
		type: command.type,
		name: command.name,
		description: command.description,
		options: command.options,
		default_member_permissions: command.defaultMemberPermissions,
	};
}
