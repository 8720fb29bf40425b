import { DiscordApiFailure } from '../errors/DiscordApiFailure.js';
import { DiscordErrorCodes } from '../errors/DiscordErrorCodes.js';
import { hasPermission } from '../permissions/computeMemberPermissions.js';
import { memberPermissionsIn } from '../permissions/memberPermissionsIn.js';
import { PermissionFlags } from '../permissions/PermissionFlags.js';
import type { EmulatorStore } from '../state/EmulatorStore.js';
import { ChannelType, type WebhookRecord } from '../state/records.js';
import { validateWebhookName } from '../validation/validateWebhookName.js';

/** Discord's cap on webhooks per channel. */
export const MaxWebhooksPerChannel = 15;

/** Input of {@link createWebhook}. */
export interface CreateWebhookInput {
	readonly name: unknown;
	readonly avatarUrl?: string | null | undefined;
	/** The user creating it; needs Manage Webhooks. */
	readonly creatorId: string;
}

/** Creates an incoming webhook in a guild text channel and announces it (WEBHOOKS_UPDATE). */
export function createWebhook(store: EmulatorStore, channelId: string, input: CreateWebhookInput): WebhookRecord {
	const channel = store.channels.get(channelId);
	if (!channel || channel.guildId === null || channel.type !== ChannelType.GuildText) throw DiscordApiFailure.unknown(DiscordErrorCodes.UnknownChannel);
	if (!hasPermission(memberPermissionsIn(store, channel.guildId, input.creatorId, channel), PermissionFlags.ManageWebhooks)) {
		throw DiscordApiFailure.missingPermissions();
	}
	const nameError = validateWebhookName(input.name);
	if (nameError) throw DiscordApiFailure.invalidFormBody({ name: [nameError] });
	const existing = [...store.webhooks.values()].filter((webhook) => webhook.channelId === channelId).length;
	if (existing >= MaxWebhooksPerChannel) throw new DiscordApiFailure(400, DiscordErrorCodes.MaximumWebhooks);
	const webhook: WebhookRecord = {
		id: store.ids.next(),
		token: store.newToken(51),
		channelId,
		guildId: channel.guildId,
		name: String(input.name).trim(),
		avatarUrl: input.avatarUrl ?? null,
		creatorId: input.creatorId,
		applicationId: input.creatorId === store.bot.id ? store.applicationId : null,
	};
	store.webhooks.set(webhook.id, webhook);
	store.emit({ type: 'webhooksUpdate', channelId, guildId: channel.guildId });
	return webhook;
}
