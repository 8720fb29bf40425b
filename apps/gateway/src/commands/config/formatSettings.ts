import type { Persona } from '@charbot/characters';
import type { SettingsAuditEntry, SettingsLayers, VisionModelStatus } from '@charbot/stores';
import { DiscordLimits, truncateText } from '@charbot/core';
import { escapeMarkdown, time, TimestampStyles } from 'discord.js';
import { configKeyOf, configKeys } from './configKeys.js';

/** What an optional setting that nobody set means. */
const unsetMeaning: Partial<Record<string, string>> = {
	temperature: "each character's own",
	defaultCharacter: "the deployment's DEFAULT_CHARACTER",
};

/**
 * The text of `/config show`: each effective setting and the level it comes from, what the deployment does with
 * members' pictures (set by the operator, not here), then the newest changes.
 */
export function formatSettings(
	layers: SettingsLayers,
	recent: readonly SettingsAuditEntry[],
	characters: readonly Persona[],
	vision: VisionModelStatus | undefined,
): string {
	const lines = ['**Settings in this channel** (a channel setting overrides the server one, which overrides the default)'];
	for (const key of configKeys) {
		const source = key.setting in layers.channel ? 'channel' : key.setting in layers.server ? 'server' : 'default';
		const value = layers.effective[key.setting];
		const shown = value === undefined ? (unsetMeaning[key.setting] ?? 'not set') : key.format(value, characters);
		lines.push(`• **${key.name}**: ${escapeMarkdown(shown)} _(${source})_`);
	}
	lines.push(`• **pictures**: ${describePictures(vision)} _(deployment)_`);
	lines.push('', recent.length === 0 ? '_No changes recorded yet._' : '**Recent changes**');
	for (const entry of recent) lines.push(`• ${formatAuditEntry(entry, characters)}`);
	return truncateText(lines.join('\n'), DiscordLimits.messageContent);
}

function describePictures(vision: VisionModelStatus | undefined): string {
	if (vision === undefined) return 'not known yet (no message router has started)';
	if (vision.model === null) {
		return 'not seen: no vision model is set up (the operator sets `OLLAMA_VISION_MODEL` or a `vision` role), so characters only learn that a picture was posted';
	}
	return `seen by the vision model \`${vision.model.replaceAll('`', "'")}\``;
}

/** One audit entry: when, who, which key at which level, old → new ("not set" for a value inherited from above). */
export function formatAuditEntry(entry: SettingsAuditEntry, characters: readonly Persona[]): string {
	const key = configKeyOf(entry.key);
	const show = (value: unknown) =>
		value === null || value === undefined ? 'not set' : escapeMarkdown(key?.format(value, characters) ?? JSON.stringify(value));
	const name = entry.key === '*' ? 'everything' : (key?.name ?? entry.key);
	const scope = entry.scope === 'server' ? 'server' : entry.channelId === undefined ? 'channel' : `<#${entry.channelId}>`;
	return `${time(Math.floor(entry.at / 1000), TimestampStyles.RelativeTime)} ${escapeMarkdown(entry.actorName)}: **${name}** (${scope}) ${show(entry.before)} → ${show(entry.after)}`;
}
