import { describe, expect, it } from 'vitest';
import { cacheClearBodySchema } from './cacheClearBodySchema.js';

describe('cacheClearBodySchema', () => {
	it('reads the three scopes', () => {
		expect(cacheClearBodySchema.parse({ scope: 'all' })).toEqual({ all: true });
		expect(cacheClearBodySchema.parse({ character: 'peter' })).toEqual({ character: 'peter' });
		expect(cacheClearBodySchema.parse({ model: 'llama3.2:1b' })).toEqual({ model: 'llama3.2:1b' });
	});

	it('refuses none, several, or an unknown scope, naming `scope`', () => {
		for (const body of [{}, { scope: 'all', model: 'x' }, { scope: 'everything' }]) {
			const result = cacheClearBodySchema.safeParse(body);
			expect(result.success).toBe(false);
			expect(result.error?.issues[0]?.path).toEqual(['scope']);
		}
	});
});
