import type { PersonaInput } from '../persona/personaSchema.js';
import type { CardBook, CardBookEntry } from './cardSchemas.js';
import type { ParsedCard } from './parseCard.js';
import { parseMesExample } from './parseMesExample.js';
import { slugify } from './slugify.js';

/** Where card fields that have no persona field are kept inside `extensions`. */
export const cardExtensionKey = 'charbot/card';

const mappedDataFields = new Set([
	'name',
	'description',
	'personality',
	'scenario',
	'first_mes',
	'mes_example',
	'creator_notes',
	'system_prompt',
	'post_history_instructions',
	'alternate_greetings',
	'character_book',
	'tags',
	'extensions',
	'nickname',
]);
const mappedBookFields = new Set(['name', 'description', 'scan_depth', 'token_budget', 'entries', 'extensions']);
const mappedEntryFields = new Set([
	'keys',
	'secondary_keys',
	'content',
	'enabled',
	'insertion_order',
	'case_sensitive',
	'constant',
	'selective',
	'name',
	'comment',
	'extensions',
]);

/**
 * Maps a parsed card onto persona fields (still to be validated); macros such as `{{char}}` are kept for prompt
 * time. Card fields without a persona field go to `extensions['charbot/card']`; the V1 copies that V2 writers
 * repeat at the top level are dropped.
 */
export function cardToPersona(card: ParsedCard, options: { readonly id?: string } = {}): PersonaInput {
	const data = card.data;
	const description = nonEmpty(data.description) ?? nonEmpty(data.personality) ?? nonEmpty(data.scenario);
	const persona: Record<string, unknown> = {
		id: options.id ?? slugify(data.name),
		displayName: data.name.trim(),
		avatarUrl: data.assets?.find((asset) => asset.type === 'icon' && asset.uri.startsWith('https://'))?.uri,
		description,
		personality: description === nonEmpty(data.personality) ? undefined : nonEmpty(data.personality),
		exampleDialogues: parseMesExample(data.mes_example, data.name.trim()),
		aliases:
			data.nickname !== undefined && data.nickname !== null && data.nickname.trim() !== '' && data.nickname.trim() !== data.name.trim()
				? [data.nickname.trim()]
				: [],
		talkativeness: parseTalkativeness(data.extensions.talkativeness),
		greetings: [data.first_mes, ...data.alternate_greetings].map(nonEmpty).filter((greeting) => greeting !== undefined),
		lorebook: data.character_book ? bookToLorebook(data.character_book) : undefined,
		scenario: description === nonEmpty(data.scenario) ? undefined : nonEmpty(data.scenario),
		systemPrompt: nonEmpty(data.system_prompt),
		postHistoryInstructions: nonEmpty(data.post_history_instructions),
		tags: [...new Set(data.tags.map((tag) => tag.trim()).filter((tag) => tag !== ''))],
		creatorNotes: nonEmpty(data.creator_notes),
		extensions: withUnmapped(data.extensions, { ...unmapped(data, mappedDataFields), ...unmapped(card.extra, mappedDataFields) }, card.version),
	};
	return Object.fromEntries(Object.entries(persona).filter(([, value]) => value !== undefined)) as PersonaInput;
}

function bookToLorebook(book: CardBook): Record<string, unknown> {
	const lorebook: Record<string, unknown> = {
		name: nonEmpty(book.name ?? ''),
		description: nonEmpty(book.description ?? ''),
		scanDepth: typeof book.scan_depth === 'number' ? clamp(Math.round(book.scan_depth), 1, 100) : undefined,
		tokenBudget: typeof book.token_budget === 'number' ? clamp(Math.round(book.token_budget), 1, 8000) : undefined,
		entries: book.entries.filter((entry) => entry.content.trim() !== '').map(entryToLore),
		extensions: withUnmapped(book.extensions, unmapped(book, mappedBookFields)),
	};
	return Object.fromEntries(Object.entries(lorebook).filter(([, value]) => value !== undefined));
}

function entryToLore(entry: CardBookEntry): Record<string, unknown> {
	const keys = entry.keys.map((key) => key.trim()).filter((key) => key !== '');
	const secondaryKeys = entry.secondary_keys.map((key) => key.trim()).filter((key) => key !== '');
	const constant = entry.constant ?? false;
	const lore: Record<string, unknown> = {
		name: nonEmpty(entry.name ?? ''),
		keys,
		secondaryKeys,
		content: entry.content.trim(),
		// A keyless, non-constant entry can never fire; keep it, switched off, rather than reject the card.
		enabled: (entry.enabled ?? true) && (constant || keys.length > 0),
		constant,
		// Many front ends write `selective: true` with no secondary keys, which means "not selective".
		selective: (entry.selective ?? false) && secondaryKeys.length > 0,
		caseSensitive: entry.case_sensitive ?? false,
		insertionOrder: typeof entry.insertion_order === 'number' ? Math.round(entry.insertion_order) : 100,
		comment: nonEmpty(entry.comment ?? ''),
		extensions: withUnmapped(entry.extensions, unmapped(entry, mappedEntryFields)),
	};
	return Object.fromEntries(Object.entries(lore).filter(([, value]) => value !== undefined));
}

function withUnmapped(extensions: Record<string, unknown>, rest: Record<string, unknown>, version?: number): Record<string, unknown> {
	if (Object.keys(rest).length === 0) return extensions;
	return { ...extensions, [cardExtensionKey]: version === undefined ? rest : { cardVersion: version, ...rest } };
}

function unmapped(object: object, mapped: ReadonlySet<string>): Record<string, unknown> {
	return Object.fromEntries(Object.entries(object).filter(([key, value]) => !mapped.has(key) && value !== undefined && value !== null));
}

function parseTalkativeness(value: unknown): number | undefined {
	const number = typeof value === 'string' ? Number.parseFloat(value) : value;
	return typeof number === 'number' && number >= 0 && number <= 1 ? number : undefined;
}

function nonEmpty(value: string): string | undefined {
	const trimmed = value.trim();
	return trimmed === '' ? undefined : trimmed;
}

function clamp(value: number, min: number, max: number): number {
	return Math.min(max, Math.max(min, value));
}
