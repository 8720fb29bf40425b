import type { ChannelSettings, SettingsOverrides } from './channelSettingsSchema.js';

/** A guild's and a channel's overrides and the settings they add up to. */
export interface SettingsLayers {
	readonly server: SettingsOverrides;
	readonly channel: SettingsOverrides;
	readonly effective: ChannelSettings;
}
