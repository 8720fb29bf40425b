import { characterIdSchema } from '@charbot/contracts';
import { z } from 'zod';

/** How characters behave in a channel. */
export const channelModeSchema = z.enum(['off', 'mention-only', 'active']);

/** When quality control asks the judge model: never, for replies the rules passed close to the threshold, or for every reply they passed. */
export const judgeModeSchema = z.enum(['off', 'borderline', 'always']);

/** The `judge` setting; also reads the on/off booleans stored before it had modes (true → `always`, false → `off`). */
export const judgeSettingSchema = z.preprocess((value) => (value === true ? 'always' : value === false ? 'off' : value), judgeModeSchema);

/** Settings of a guild or a channel; the effective value is defaults ← guild ← channel. */
export const channelSettingsSchema = z.object({
	/** `off`: never; `mention-only`: when called (mention, reply, name); `active`: also chime in by talkativeness. */
	mode: channelModeSchema,
	/** Characters allowed here; empty means every character. */
	characters: z.array(characterIdSchema).max(50),
	/** Answers a bare bot mention; the first allowed character when unset. */
	defaultCharacter: characterIdSchema.optional(),
	userCooldownSeconds: z.number().int().min(0).max(3600),
	channelCooldownSeconds: z.number().int().min(0).max(3600),
	/** Multiplies each character's talkativeness in active channels. */
	talkativeness: z.number().min(0).max(5),
	maxReplyChars: z.number().int().min(100).max(6000),
	/** Score a reply needs to pass quality control. */
	qualityThreshold: z.number().min(0).max(1),
	/** When the judge model reviews a reply the rules passed (see {@link judgeModeSchema}). */
	judge: judgeSettingSchema,
	/** In `borderline` mode, the judge runs on replies scoring below `qualityThreshold + judgeBand`. */
	judgeBand: z.number().min(0).max(1),
	temperature: z.number().min(0).max(2).optional(),
	/** Character replies in a row that may answer each other before they stop. */
	banterLimit: z.number().int().min(0).max(10),
	blocklist: z.array(z.string().min(1).max(100)).max(200),
	memory: z.boolean(),
	/** Whether character replies carry the button that lets a member ask for another answer. */
	regenerate: z.boolean(),
});

/** Effective settings of a channel. */
export type ChannelSettings = z.output<typeof channelSettingsSchema>;
export type ChannelMode = z.output<typeof channelModeSchema>;
/** When the judge model runs. */
export type JudgeMode = z.output<typeof judgeModeSchema>;
/** The name of one channel setting. */
export type ChannelSettingName = keyof ChannelSettings;

/** A guild's or channel's overrides; anything unset comes from the level above. */
export const settingsOverridesSchema = channelSettingsSchema.partial();
export type SettingsOverrides = z.output<typeof settingsOverridesSchema>;

/** What a guild gets before an admin changes anything. */
export const DefaultChannelSettings = {
	mode: 'mention-only',
	characters: [],
	userCooldownSeconds: 2,
	channelCooldownSeconds: 0,
	talkativeness: 1,
	maxReplyChars: 1500,
	qualityThreshold: 0.6,
	judge: 'borderline',
	judgeBand: 0.25,
	banterLimit: 3,
	blocklist: [],
	memory: true,
	regenerate: true,
} as const satisfies ChannelSettings;
