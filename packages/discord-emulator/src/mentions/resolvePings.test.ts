import { describe, expect, it } from 'vitest';
import { parseMentions } from './parseMentions.js';
import { type PingContext, resolvePings, validateAllowedMentions } from './resolvePings.js';

const alice = '111111111111111111';
const bob = '222222222222222222';
const role = '333333333333333333';
const base = (content: string): PingContext => ({
	parsed: parseMentions(content),
	canMentionEveryone: true,
	isKnownUser: (id) => id === alice || id === bob,
	canPingRole: (id) => id === role,
});

describe('resolvePings', () => {
	it('pings everything written when allowed_mentions is absent', () => {
		expect(resolvePings(base(`@everyone <@${alice}> <@&${role}>`))).toEqual({ everyone: true, users: [alice], roles: [role] });
	});

	it('pings nothing with parse: [] even though @everyone is written', () => {
		expect(resolvePings({ ...base(`@everyone <@${alice}> <@&${role}>`), allowedMentions: { parse: [] } })).toEqual({ everyone: false, users: [], roles: [] });
	});

	it('pings only the listed users', () => {
		const pings = resolvePings({ ...base(`<@${alice}> <@${bob}>`), allowedMentions: { users: [bob] } });
		expect(pings.users).toEqual([bob]);
	});

	it('does not ping @everyone for an author without Mention Everyone', () => {
		expect(resolvePings({ ...base('@everyone'), canMentionEveryone: false }).everyone).toBe(false);
	});

	it('pings the replied-to author unless replied_user is false', () => {
		expect(resolvePings({ ...base('ok'), repliedUserId: bob }).users).toEqual([bob]);
		expect(resolvePings({ ...base('ok'), repliedUserId: bob, allowedMentions: { parse: ['users'] } }).users).toEqual([]);
		expect(resolvePings({ ...base('ok'), repliedUserId: bob, allowedMentions: { replied_user: true } }).users).toEqual([bob]);
	});

	it('skips unknown users and unmentionable roles', () => {
		expect(resolvePings(base('<@999999999999999999> <@&444444444444444444>'))).toEqual({ everyone: false, users: [], roles: [] });
	});
});

describe('validateAllowedMentions', () => {
	it('accepts the usual shapes', () => {
		expect(validateAllowedMentions(undefined)).toBeNull();
		expect(validateAllowedMentions({ parse: ['users', 'roles'], replied_user: false })).toBeNull();
	});

	it('refuses parse users together with a users list, like Discord', () => {
		expect(validateAllowedMentions({ parse: ['users'], users: [alice] })).toEqual({
			allowed_mentions: [{ code: 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE', message: 'parse:["users"] and users: [ids...] are mutually exclusive.' }],
		});
	});

	it('refuses unknown parse values and lists over 100', () => {
		const errors = validateAllowedMentions({ parse: ['all'], roles: Array.from({ length: 101 }, () => role) });
		expect(Object.keys(errors ?? {})).toEqual(['allowed_mentions.parse.0', 'allowed_mentions.roles']);
	});
});
