import { describe, expect, it } from 'vitest';
import { parseMentions } from './parseMentions.js';

describe('parseMentions', () => {
	it('finds user, nickname-style, role and everyone mentions', () => {
		const parsed = parseMentions('hey <@123456789012345678> and <@!223456789012345678>, <@&323456789012345678> @everyone');
		expect(parsed).toEqual({ users: ['123456789012345678', '223456789012345678'], roles: ['323456789012345678'], everyone: true });
	});

	it('counts @here as everyone, and repeats once', () => {
		expect(parseMentions('@here <@123456789012345678> <@123456789012345678>')).toEqual({ users: ['123456789012345678'], roles: [], everyone: true });
	});

	it('ignores look-alikes', () => {
		expect(parseMentions('mail me@everyone.org? <@12> <@&abc> @everyones')).toEqual({ users: [], roles: [], everyone: false });
	});
});
