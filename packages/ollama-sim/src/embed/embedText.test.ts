import { describe, expect, it } from 'vitest';
import { embedText } from './embedText.js';

const cosine = (a: number[], b: number[]) => a.reduce((sum, value, index) => sum + value * (b[index] ?? 0), 0);

describe('embedText', () => {
	it('returns deterministic unit vectors of the asked length', () => {
		const vector = embedText('The cat sat on the mat', 64, 'm');
		expect(vector).toHaveLength(64);
		expect(cosine(vector, vector)).toBeCloseTo(1, 5);
		expect(embedText('The cat sat on the mat', 64, 'm')).toEqual(vector);
	});

	it('puts texts that share words closer than unrelated ones', () => {
		const base = embedText('the cat sat on the mat', 256, 'm');
		const near = embedText('the cat sat on a mat', 256, 'm');
		const far = embedText('quantum harbour lantern orchard', 256, 'm');
		expect(cosine(base, near)).toBeGreaterThan(cosine(base, far) + 0.3);
	});
});
