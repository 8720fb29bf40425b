import { serializeComponentInteraction } from '../components/serializeComponentInteraction.js';
import { memberPermissionsIn } from '../permissions/memberPermissionsIn.js';
import type { EmulatorStore } from '../state/EmulatorStore.js';
import type { InteractionRecord, InvokedOption } from '../state/records.js';
import { serializeChannel, serializeMember, serializeRole } from './serializeGuildParts.js';
import { serializeUser } from './serializeUser.js';

/** The INTERACTION_CREATE payload, with the fields discord.js 14.28 requires (entitlements, authorizing_integration_owners, channel). */
export function serializeInteraction(store: EmulatorStore, interaction: InteractionRecord): Record<string, unknown> {
	const channel = store.channels.get(interaction.channelId);
	const guild = interaction.guildId === null ? undefined : store.guilds.get(interaction.guildId);
	const user = store.users.get(interaction.userId);
	const recipient = channel?.recipientId ? store.users.get(channel.recipientId) : undefined;
	const member = guild?.members.get(interaction.userId);
	const appPermissions = guild ? memberPermissionsIn(store, guild.id, store.bot.id, channel) : 0n;
	const data: Record<string, unknown> = {
		id: interaction.commandId,
		name: interaction.commandName,
		type: 1,
		...(interaction.options.length > 0 ? { options: interaction.options } : {}),
		...(guild ? { guild_id: guild.id } : {}),
	};
	const resolved = resolveOptions(store, interaction);
	if (resolved) data.resolved = resolved;
	const component = interaction.component ? serializeComponentInteraction(store, interaction, interaction.component) : null;
	return {
		id: interaction.id,
		application_id: store.applicationId,
		type: interaction.type,
		data: component?.data ?? data,
		...(component?.message ? { message: component.message } : {}),
		...(guild ? { guild_id: guild.id, guild: { id: guild.id, locale: 'en-US', features: [] }, guild_locale: 'en-US' } : {}),
		channel_id: interaction.channelId,
		channel: channel
			? {
					...serializeChannel(channel, recipient),
					...(guild ? { permissions: memberPermissionsIn(store, guild.id, interaction.userId, channel).toString() } : {}),
				}
			: null,
		...(guild && member && user
			? { member: { ...serializeMember(member, user), permissions: memberPermissionsIn(store, guild.id, interaction.userId, channel).toString() } }
			: { user: user ? serializeUser(user) : null }),
		token: interaction.token,
		version: 1,
		app_permissions: appPermissions.toString(),
		locale: 'en-US',
		entitlements: [],
		authorizing_integration_owners: guild ? { 0: guild.id } : { 1: interaction.userId },
		context: guild ? 0 : 1,
		attachment_size_limit: 10_485_760,
	};
}

function resolveOptions(store: EmulatorStore, interaction: InteractionRecord): Record<string, Record<string, unknown>> | null {
	const resolved: Record<string, Record<string, unknown>> = {};
	const guild = interaction.guildId === null ? undefined : store.guilds.get(interaction.guildId);
	const add = (kind: string, id: string, value: unknown) => {
		resolved[kind] ??= {};
		resolved[kind][id] = value;
	};
	const visit = (options: readonly InvokedOption[]) => {
		for (const option of options) {
			if (option.options) visit(option.options);
			if (option.focused || typeof option.value !== 'string') continue;
			const id = option.value;
			const user = option.type === 6 || option.type === 9 ? store.users.get(id) : undefined;
			if (user) {
				add('users', id, serializeUser(user));
				const member = guild?.members.get(id);
				if (member && guild) add('members', id, { ...serializeMember(member), permissions: memberPermissionsIn(store, guild.id, id).toString() });
			}
			const role = option.type === 8 || option.type === 9 ? guild?.roles.get(id) : undefined;
			if (role) add('roles', id, serializeRole(role, store.bot.id));
			const channel = option.type === 7 ? store.channels.get(id) : undefined;
			if (channel) add('channels', id, { id: channel.id, name: channel.name, type: channel.type, permissions: '0' });
			const file = option.type === 11 ? interaction.attachments?.find((attachment) => attachment.id === id) : undefined;
			if (file) {
				const url = file.url ?? `https://cdn.discordapp.com/ephemeral-attachments/${interaction.channelId}/${id}/${encodeURIComponent(file.filename)}`;
				add('attachments', id, {
					id,
					filename: file.filename,
					size: file.size,
					url,
					proxy_url: url,
					ephemeral: true,
					...(file.contentType ? { content_type: file.contentType } : {}),
				});
			}
		}
	};
	visit(interaction.options);
	return Object.keys(resolved).length > 0 ? resolved : null;
}
