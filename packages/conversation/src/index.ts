export * from './cooldowns/Cooldowns.js';
export * from './delivery/DeliveryLedger.js';
export * from './history/ChannelHistory.js';
export * from './owners/MessageOwners.js';
export * from './settings/channelSettingsSchema.js';
export * from './settings/SettingsStore.js';
