import type { Persona } from '@charbot/characters';
import { type ChannelSettingName, judgeSettingSchema } from '@charbot/stores';
import { truncateText } from '@charbot/core';
import { findCharacter } from '../characters/findCharacter.js';
import type { ConfigKey, ParsedValue } from './ConfigKey.js';
import { parseJudgeModeValue } from './parseJudgeModeValue.js';
import { parseNumberValue } from './parseNumberValue.js';
import { parseSwitchValue } from './parseSwitchValue.js';

const seconds = (value: unknown) => `${String(value)} s`;
const plain = (value: unknown) => String(value);
const onOff = (value: unknown) => (value === true ? 'on' : 'off');
// Audit entries written before the judge had modes hold true/false; the setting's own schema reads them.
const judgeMode = (value: unknown) => {
	const parsed = judgeSettingSchema.safeParse(value);
	return parsed.success ? parsed.data : String(value);
};
const nameOf = (characters: readonly Persona[], id: unknown) => characters.find((persona) => persona.id === id)?.displayName ?? String(id);
const characterNames = (characters: readonly Persona[]) => characters.map((persona) => persona.displayName);

/** Every key `/config set` and `/config reset` know, in the order `/config show` lists them. */
export const configKeys = [
	{
		name: 'mode',
		setting: 'mode',
		description: 'When characters speak: off, mention-only or active',
		example: 'mention-only',
		parse: (raw) => {
			const mode = raw.trim().toLowerCase();
			return mode === 'off' || mode === 'mention-only' || mode === 'active'
				? { ok: true, value: mode }
				: { ok: false, reason: 'must be off, mention-only or active' };
		},
		format: plain,
		suggest: () => ['off', 'mention-only', 'active'],
	},
	{
		name: 'characters',
		setting: 'characters',
		description: 'Characters allowed (comma-separated names, or "all")',
		example: 'Peter, Stewie',
		parse: (raw, characters) => parseCharacterList(raw, characters),
		format: (value, characters) => (Array.isArray(value) && value.length > 0 ? value.map((id) => nameOf(characters, id)).join(', ') : 'every character'),
		suggest: (characters) => ['all', ...characterNames(characters)],
	},
	{
		name: 'default-character',
		setting: 'defaultCharacter',
		description: 'Who answers a bare mention of the bot',
		example: 'Peter',
		parse: (raw, characters) => {
			const persona = findCharacter(characters, raw);
			return persona === undefined ? { ok: false, reason: 'must be a loaded character (see /characters list)' } : { ok: true, value: persona.id };
		},
		format: (value, characters) => nameOf(characters, value),
		suggest: characterNames,
	},
	{
		name: 'cooldown',
		setting: 'userCooldownSeconds',
		description: 'Seconds a member waits between answered messages',
		example: '5',
		parse: (raw) => parseNumberValue(raw, { min: 0, max: 3600, integer: true, unit: 'seconds' }),
		format: seconds,
		suggest: () => ['0', '2', '5', '30'],
	},
	{
		name: 'channel-cooldown',
		setting: 'channelCooldownSeconds',
		description: 'Seconds a channel waits between answered messages',
		example: '0',
		parse: (raw) => parseNumberValue(raw, { min: 0, max: 3600, integer: true, unit: 'seconds' }),
		format: seconds,
		suggest: () => ['0', '5', '30'],
	},
	{
		name: 'talkativeness',
		setting: 'talkativeness',
		description: "Multiplies each character's chance to chime in (0-5)",
		example: '1.5',
		parse: (raw) => parseNumberValue(raw, { min: 0, max: 5 }),
		format: (value) => `×${String(value)}`,
		suggest: () => ['0.5', '1', '2'],
	},
	{
		name: 'max-reply-length',
		setting: 'maxReplyChars',
		description: 'Longest reply, in characters (100-6000)',
		example: '1500',
		parse: (raw) => parseNumberValue(raw, { min: 100, max: 6000, integer: true, unit: 'characters' }),
		format: (value) => `${String(value)} characters`,
		suggest: () => ['500', '1000', '1500', '2000'],
	},
	{
		name: 'quality-threshold',
		setting: 'qualityThreshold',
		description: 'Score a reply needs to pass review (0-1)',
		example: '0.7',
		parse: (raw) => parseNumberValue(raw, { min: 0, max: 1, percentAllowed: true }),
		format: plain,
		suggest: () => ['0.5', '0.6', '0.7', '0.8'],
	},
	{
		name: 'judge',
		setting: 'judge',
		description: 'When the judge model reviews replies: off, borderline (near the threshold) or always',
		example: 'borderline',
		parse: parseJudgeModeValue,
		format: judgeMode,
		suggest: () => ['off', 'borderline', 'always'],
	},
	{
		name: 'judge-band',
		setting: 'judgeBand',
		description: 'Borderline judge: scores below the threshold plus this are judged (0-1)',
		example: '0.25',
		parse: (raw) => parseNumberValue(raw, { min: 0, max: 1, percentAllowed: true }),
		format: plain,
		suggest: () => ['0.05', '0.1', '0.15', '0.25'],
	},
	{
		name: 'temperature',
		setting: 'temperature',
		description: 'Model temperature for replies (0-2)',
		example: '0.8',
		parse: (raw) => parseNumberValue(raw, { min: 0, max: 2 }),
		format: plain,
		suggest: () => ['0.5', '0.8', '1', '1.2'],
	},
	{
		name: 'banter-limit',
		setting: 'banterLimit',
		description: 'Character replies in a row that may answer each other (0-10)',
		example: '3',
		parse: (raw) => parseNumberValue(raw, { min: 0, max: 10, integer: true }),
		format: plain,
		suggest: () => ['0', '1', '3', '5'],
	},
	{
		name: 'blocklist',
		setting: 'blocklist',
		description: 'Words a reply must never contain (comma-separated, or "none")',
		example: 'word1, word2',
		parse: (raw) => parseWordList(raw),
		format: (value) => (Array.isArray(value) && value.length > 0 ? `${value.length} word${value.length === 1 ? '' : 's'}` : 'none'),
		suggest: () => ['none'],
	},
	{
		name: 'memory',
		setting: 'memory',
		description: 'Remember what members ask the characters to remember (on/off)',
		example: 'off',
		parse: parseSwitchValue,
		format: onOff,
		suggest: () => ['on', 'off'],
	},
	{
		name: 'regenerate',
		setting: 'regenerate',
		description: 'Put a regenerate button on character replies (on/off)',
		example: 'off',
		parse: parseSwitchValue,
		format: onOff,
		suggest: () => ['on', 'off'],
	},
] as const satisfies readonly ConfigKey[];

/** The key an admin typed (its name, or the setting's own name), or undefined. */
export function findConfigKey(typed: string): ConfigKey | undefined {
	const wanted = typed.trim().toLowerCase();
	return (configKeys as readonly ConfigKey[]).find((key) => key.name === wanted || key.setting.toLowerCase() === wanted);
}

/** The `/config` key of a setting, for showing audit entries. */
export function configKeyOf(setting: string): ConfigKey | undefined {
	return (configKeys as readonly ConfigKey[]).find((key) => key.setting === (setting as ChannelSettingName));
}

function parseCharacterList(raw: string, characters: readonly Persona[]): ParsedValue<string[]> {
	const names = raw
		.split(',')
		.map((name) => name.trim())
		.filter((name) => name !== '');
	if (names.length === 1 && /^(?:all|every(?:one|body)?|none)$/iu.test(names[0] as string)) return { ok: true, value: [] };
	if (names.length === 0) return { ok: false, reason: 'must name at least one character, or "all"' };
	const ids: string[] = [];
	for (const name of names) {
		const persona = findCharacter(characters, name);
		if (persona === undefined) return { ok: false, reason: `"${name}" is not a loaded character (see /characters list)` };
		if (!ids.includes(persona.id)) ids.push(persona.id);
	}
	return { ok: true, value: ids };
}

function parseWordList(raw: string): ParsedValue<string[]> {
	if (/^\s*none\s*$/iu.test(raw)) return { ok: true, value: [] };
	const words = [
		...new Set(
			raw
				.split(',')
				.map((word) => word.trim().toLowerCase())
				.filter((word) => word !== ''),
		),
	];
	if (words.length === 0) return { ok: false, reason: 'must list words separated by commas, or "none"' };
	if (words.length > 200) return { ok: false, reason: 'may hold at most 200 words' };
	const long = words.find((word) => word.length > 100);
	return long === undefined ? { ok: true, value: words } : { ok: false, reason: `"${truncateText(long, 21)}" is longer than 100 characters` };
}
