import { describe, expect, it } from 'vitest';
import { renderAvatarSvg } from './renderAvatarSvg.js';

describe('renderAvatarSvg', () => {
	const characters = ['Peter Griffin', 'Stewie Griffin', 'Brian Griffin', 'Lois Griffin', 'Meg Griffin', 'Chris Griffin', 'Glenn Quagmire'];

	it('draws each name differently, with its initials', () => {
		const drawings = characters.map((name) => renderAvatarSvg(`name:${name}`, name));
		expect(new Set(drawings).size).toBe(characters.length);
		const backgrounds = drawings.map((svg) => /<rect width="80" height="80" fill="([^"]+)"/.exec(svg)?.[1]);
		expect(new Set(backgrounds).size).toBeGreaterThan(characters.length - 2);
		expect(drawings[0]).toContain('>PG</text>');
		expect(renderAvatarSvg('user:alice', 'alice')).toContain('>A</text>');
	});

	it('is stable for a seed and escapes the name', () => {
		expect(renderAvatarSvg('user:bob', 'Bob')).toBe(renderAvatarSvg('user:bob', 'Bob'));
		const hostile = renderAvatarSvg('x', '<script>');
		expect(hostile).not.toContain('<script>');
		expect(hostile).toContain('&#60;</text>');
	});
});
