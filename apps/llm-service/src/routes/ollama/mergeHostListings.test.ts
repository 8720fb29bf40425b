import { describe, expect, it } from 'vitest';
import { lowestVersion } from './lowestVersion.js';
import { mergeHostListings } from './mergeHostListings.js';

describe('mergeHostListings', () => {
	it('keeps one entry per model, the most recently modified copy, newest first', () => {
		const merged = mergeHostListings([
			[
				{ name: 'llama3.2:1b', modified_at: '2026-01-01T00:00:00Z', digest: 'old' },
				{ name: 'qwen2.5:0.5b', modified_at: '2026-01-03T00:00:00Z' },
			],
			[{ name: 'llama3.2:1b', modified_at: '2026-01-02T00:00:00Z', digest: 'new' }],
		]);
		expect(merged.map((model) => [model.name, model.digest])).toEqual([
			['qwen2.5:0.5b', undefined],
			['llama3.2:1b', 'new'],
		]);
	});
});

describe('lowestVersion', () => {
	it('compares versions by number, not as text', () => {
		expect(lowestVersion(['0.12.6', '0.9.10', '0.12.10'])).toBe('0.9.10');
		expect(lowestVersion([])).toBeUndefined();
	});
});
