import { describe, expect, it } from 'vitest';
import { parseMesExample } from './parseMesExample.js';
import { slugify } from './slugify.js';

describe('parseMesExample', () => {
	it('splits <START> blocks and pairs user and character lines', () => {
		const text = '<START>\r\n{{user}}: Hi\r\n{{char}}: Hello\r\n<start>\n{{char}}: I speak first.\n{{USER}}:Fine.\n{{char}}: Good.\nAnd more.\n';
		expect(parseMesExample(text, 'Ada')).toEqual([
			[{ user: 'Hi', character: 'Hello' }],
			[{ character: 'I speak first.' }, { user: 'Fine.', character: 'Good.\nAnd more.' }],
		]);
	});

	it("accepts the character's own name as a label and drops text before the first label", () => {
		expect(parseMesExample('Narration here.\nAda: Numbers!\n{{user}}: Sure.', 'Ada')).toEqual([[{ character: 'Numbers!' }, { user: 'Sure.' }]]);
	});

	it('returns nothing for empty or label-less text', () => {
		expect(parseMesExample('', 'Ada')).toEqual([]);
		expect(parseMesExample('<START>\njust prose', 'Ada')).toEqual([]);
	});
});

describe('slugify', () => {
	it('makes ids from names', () => {
		expect(slugify('Stewie Griffin')).toBe('stewie-griffin');
		expect(slugify('  Zoë & the Café!  ')).toBe('zoe-the-cafe');
		expect(slugify('さくら')).toBe('character');
		expect(slugify('a'.repeat(70))).toHaveLength(64);
	});
});
