import type { Persona } from '@charbot/characters';
import type { CharacterStats } from '@charbot/stores';
import { DiscordLimits, truncateText } from '@charbot/core';
import { escapeMarkdown } from 'discord.js';

/** The text of `/stats`: one line per character with replies, review pass rate, repairs, regenerations, median latency and cache hit rate. */
export function formatStats(stats: readonly CharacterStats[], characters: readonly Persona[], hours: number): string {
	if (stats.length === 0) return `No character has been active here in the last ${hours} hours.`;
	const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);
	const lines = [`**The last ${hours} hours** (replies · passed review · repaired · regenerated · median time to reply · answered from cache)`];
	for (const entry of stats) {
		const name = characters.find((persona) => persona.id === entry.characterId)?.displayName ?? entry.characterId;
		const latency = entry.medianLatencyMs === null ? '—' : `${(entry.medianLatencyMs / 1000).toFixed(1)} s`;
		lines.push(
			`• **${escapeMarkdown(name)}**: ${entry.replies} ${entry.replies === 1 ? 'reply' : 'replies'} · ${percent(entry.passRate)} passed · ${entry.repaired} repaired · ${entry.regenerated} regenerated · ${latency} median · ${percent(entry.cacheHitRate)} cache hits`,
		);
	}
	return truncateText(lines.join('\n'), DiscordLimits.messageContent);
}
