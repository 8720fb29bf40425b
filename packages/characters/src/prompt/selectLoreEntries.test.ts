import { describe, expect, it } from 'vitest';
import { type Lorebook, lorebookSchema } from '../persona/lorebookSchema.js';
import { selectLoreEntries } from './selectLoreEntries.js';

const book = (input: Record<string, unknown>): Lorebook => lorebookSchema.parse(input);
const contents = (lorebook: Lorebook, texts: string[]) => selectLoreEntries(lorebook, texts).entries.map((entry) => entry.content);

describe('selectLoreEntries', () => {
	it('fires an entry when a key appears as a whole word, in any case unless case-sensitive', () => {
		const lorebook = book({
			entries: [
				{ keys: ['ray gun'], content: 'A' },
				{ keys: ['NASA'], caseSensitive: true, content: 'B' },
			],
		});
		expect(contents(lorebook, ['Is that a RAY  GUN?'])).toEqual(['A']);
		expect(contents(lorebook, ['the raygun', 'nasa called'])).toEqual([]);
		expect(contents(lorebook, ['NASA called'])).toEqual(['B']);
	});

	it('needs a secondary key too for a selective entry', () => {
		const lorebook = book({ entries: [{ keys: ['Rupert'], secondaryKeys: ['lost', 'missing'], selective: true, content: 'Search party' }] });
		expect(contents(lorebook, ['Where is Rupert?'])).toEqual([]);
		expect(contents(lorebook, ['Rupert went missing'])).toEqual(['Search party']);
	});

	it('skips disabled entries and always includes enabled constant ones', () => {
		const lorebook = book({
			entries: [
				{ keys: ['x'], content: 'off', enabled: false },
				{ constant: true, content: 'always' },
				{ constant: true, enabled: false, content: 'never' },
			],
		});
		expect(contents(lorebook, ['x'])).toEqual(['always']);
	});

	it('fills the token budget by priority and returns entries in insertion order', () => {
		const lorebook = book({
			tokenBudget: 30,
			entries: [
				{ keys: ['a'], insertionOrder: 50, content: 'late '.repeat(10) },
				{ keys: ['a'], insertionOrder: 10, content: 'early '.repeat(10) },
				{ constant: true, insertionOrder: 90, content: 'constant' },
			],
		});
		const selection = selectLoreEntries(lorebook, ['a']);
		expect(selection.entries.map((entry) => entry.content.trim().split(' ')[0])).toEqual(['early', 'constant']);
		expect(selection.dropped).toBe(1);
	});

	it('selects nothing without a lorebook', () => {
		expect(selectLoreEntries(undefined, ['anything'])).toEqual({ entries: [], dropped: 0 });
	});
});
