/** The door to the Redis stores the apps share: the stores and the types and schemas other workspaces use. */
export { type BudgetCounter, type BudgetDecision, type BudgetScope, GenerationBudget } from './budget/GenerationBudget.js';
export { Cooldowns } from './cooldowns/Cooldowns.js';
export { ChannelHistory, type HistoryEntry } from './history/ChannelHistory.js';
export { MemberMemory } from './memory/MemberMemory.js';
export { type MessageOwner, MessageOwners } from './owners/MessageOwners.js';
export { MemberPersonas } from './personas/MemberPersonas.js';
export { type MemberPersona, memberPersonaInputSchema, MemberPersonaLimits } from './personas/memberPersonaSchema.js';
export { RegenerableReplies } from './regenerate/RegenerableReplies.js';
export { RegenerateButtonId } from './regenerate/RegenerateButtonId.js';
export type { RegenerableReply } from './regenerate/regenerableReplySchema.js';
export {
	type ChannelMode,
	type ChannelSettingName,
	type ChannelSettings,
	DefaultChannelSettings,
	type JudgeMode,
	judgeModeSchema,
	judgeSettingSchema,
	type SettingsOverrides,
	settingsOverridesSchema,
} from './settings/channelSettingsSchema.js';
export { type SettingsActor, SettingsAudit, type SettingsAuditEntry, SettingsAuditLimit } from './settings/SettingsAudit.js';
export { SettingsCache } from './settings/SettingsCache.js';
export type { SettingsLayers } from './settings/SettingsLayers.js';
export { SettingsStore } from './settings/SettingsStore.js';
export type { CharacterStats } from './stats/CharacterStats.js';
export { GuildStats } from './stats/GuildStats.js';
export { type VisionModelStatus, VisionStatus } from './vision/VisionStatus.js';
