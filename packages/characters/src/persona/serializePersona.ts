import { Document } from 'yaml';
import type { Lorebook, LoreEntry } from './lorebookSchema.js';
import type { Persona } from './personaSchema.js';

/** Options of {@link serializePersona}. */
export interface SerializePersonaOptions {
	/** A comment written at the top of the file, e.g. where the persona was imported from. */
	readonly comment?: string;
}

/**
 * Writes a persona as a persona file: fields in the documented order, empty and default-valued optional fields
 * left out, multi-line text as literal blocks. Parsing the result gives the same persona back.
 */
export function serializePersona(persona: Persona, options: SerializePersonaOptions = {}): string {
	const { lorebook, exampleDialogues, generation, quality, relationships, extensions, ...rest } = persona;
	const ordered: Record<string, unknown> = {
		...rest,
		exampleDialogues: exampleDialogues.map((dialogue) => (dialogue.length === 1 ? dialogue[0] : dialogue)),
		relationships,
		generation,
		quality: quality.neverSays.length + quality.mustNot.length === 0 ? {} : omitEmpty(quality),
		lorebook: lorebook === undefined ? undefined : compactLorebook(lorebook),
		extensions,
	};
	const order = Object.keys(persona);
	const sorted = Object.fromEntries(Object.entries(omitEmpty(ordered)).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)));
	const document = new Document(sorted);
	if (options.comment !== undefined)
		document.commentBefore = options.comment
			.split('\n')
			.map((line) => ` ${line}`)
			.join('\n');
	return document.toString({ lineWidth: 0, blockQuote: 'literal' });
}

function compactLorebook(lorebook: Lorebook): Record<string, unknown> {
	return omitEmpty({ ...lorebook, entries: lorebook.entries.map(compactEntry) });
}

function compactEntry(entry: LoreEntry): Record<string, unknown> {
	const defaults: Partial<Record<keyof LoreEntry, unknown>> = { enabled: true, constant: false, selective: false, caseSensitive: false, insertionOrder: 100 };
	return omitEmpty(Object.fromEntries(Object.entries(entry).filter(([key, value]) => defaults[key as keyof LoreEntry] !== value)));
}

function omitEmpty(object: object): Record<string, unknown> {
	return Object.fromEntries(
		Object.entries(object).filter(([, value]) => {
			if (value === undefined) return false;
			if (Array.isArray(value)) return value.length > 0;
			if (typeof value === 'object' && value !== null) return Object.keys(value).length > 0;
			return true;
		}),
	);
}
