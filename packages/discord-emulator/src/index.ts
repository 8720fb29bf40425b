/** The door to the Discord emulator: what tests, benchmarks and scripts use to start and drive it. */
export { EmulatorControl } from './control/EmulatorControl.js';
export type { InteractionView, TranscriptMessage } from './control/views.js';
export { GatewayIntents } from './gateway/GatewayIntents.js';
export { allRoutes } from './rest/routes/allRoutes.js';
export { shardForGuild } from './sharding/shardForGuild.js';
export { type DiscordEmulator, type DiscordEmulatorOptions, startDiscordEmulator } from './startDiscordEmulator.js';
export type { SeededWorld, SeedSize } from './state/seedWorld.js';
