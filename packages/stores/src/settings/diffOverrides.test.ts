import { describe, expect, it } from 'vitest';
import { diffOverrides } from './diffOverrides.js';

describe('diffOverrides', () => {
	it('lists changed, added and removed keys with null for "not set"', () => {
		expect(
			diffOverrides({ judge: 'always', talkativeness: 1, blocklist: ['a'] }, { judge: 'always', talkativeness: 2, memory: false, blocklist: ['a'] }),
		).toEqual([
			{ key: 'talkativeness', before: 1, after: 2 },
			{ key: 'memory', before: null, after: false },
		]);
		expect(diffOverrides({ qualityThreshold: 0.8 }, {})).toEqual([{ key: 'qualityThreshold', before: 0.8, after: null }]);
		expect(diffOverrides({}, {})).toEqual([]);
	});
});
