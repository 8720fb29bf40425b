import type { Lorebook, LoreEntry } from '../persona/lorebookSchema.js';
import { phrasePattern } from '../text/phrasePattern.js';
import { estimateTokens } from './estimateTokens.js';

/** The lore entries chosen for one prompt, in insertion order, and how many active ones the budget left out. */
export interface LoreSelection {
	readonly entries: readonly LoreEntry[];
	readonly dropped: number;
}

/**
 * Picks the lorebook entries for a prompt. An enabled entry is active when it is `constant`, or when one of its
 * keys appears as a whole word in `recentTexts` (the caller passes the last `scanDepth` messages) and, for a
 * `selective` entry, one of its secondary keys too. Active entries fill the lorebook's token budget: constant
 * ones first, then by `insertionOrder` (lower first); the chosen ones are returned in `insertionOrder`.
 */
export function selectLoreEntries(lorebook: Lorebook | undefined, recentTexts: readonly string[]): LoreSelection {
	if (lorebook === undefined) return { entries: [], dropped: 0 };
	const text = recentTexts.join('\n');
	const active = lorebook.entries
		.map((entry, index) => ({ entry, index }))
		.filter(({ entry }) => entry.enabled && (entry.constant || isTriggered(entry, text)));
	const byPriority = [...active].sort(
		(a, b) => Number(b.entry.constant) - Number(a.entry.constant) || a.entry.insertionOrder - b.entry.insertionOrder || a.index - b.index,
	);
	const chosen: typeof active = [];
	let used = 0;
	for (const candidate of byPriority) {
		const cost = estimateTokens(candidate.entry.content) + 1;
		if (used + cost > lorebook.tokenBudget) continue;
		used += cost;
		chosen.push(candidate);
	}
	chosen.sort((a, b) => a.entry.insertionOrder - b.entry.insertionOrder || a.index - b.index);
	return { entries: chosen.map(({ entry }) => entry), dropped: active.length - chosen.length };
}

/** An entry's keys and secondary keys, each list as one pattern that finds any of them; undefined for an empty list. */
interface KeyPatterns {
	readonly keys: RegExp | undefined;
	readonly secondaryKeys: RegExp | undefined;
}

// Keyed by the entry object: a persona reload parses new entries, so edited keys are never matched stale.
const keyPatterns = new WeakMap<LoreEntry, KeyPatterns>();

function isTriggered(entry: LoreEntry, text: string): boolean {
	let patterns = keyPatterns.get(entry);
	if (patterns === undefined) {
		const flags = entry.caseSensitive ? 'u' : 'iu';
		const anyOf = (keys: readonly string[]) => (keys.length === 0 ? undefined : new RegExp(keys.map((key) => `(?:${phrasePattern(key)})`).join('|'), flags));
		patterns = { keys: anyOf(entry.keys), secondaryKeys: anyOf(entry.secondaryKeys) };
		keyPatterns.set(entry, patterns);
	}
	const found = (pattern: RegExp | undefined) => pattern !== undefined && pattern.test(text);
	return found(patterns.keys) && (!entry.selective || found(patterns.secondaryKeys));
}
