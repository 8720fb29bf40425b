import type { Persona } from '@charbot/characters';
import { settingsOverridesSchema } from '@charbot/stores';
import { describe, expect, it } from 'vitest';
import { configKeys, findConfigKey } from './configKeys.js';

const cast = [
	{ id: 'peter', displayName: 'Peter Griffin', aliases: ['Pete'] },
	{ id: 'stewie', displayName: 'Stewie Griffin', aliases: [] },
] as unknown as Persona[];
const parse = (key: string, raw: string) => findConfigKey(key)?.parse(raw, cast);

describe('configKeys', () => {
	it('reads each kind of value', () => {
		expect(parse('quality-threshold', '0.8')).toEqual({ ok: true, value: 0.8 });
		expect(parse('qualityThreshold', '70%')).toEqual({ ok: true, value: 0.7 });
		expect(parse('cooldown', '10s')).toEqual({ ok: true, value: 10 });
		expect(parse('judge', 'Borderline')).toEqual({ ok: true, value: 'borderline' });
		expect(parse('judge', 'always')).toEqual({ ok: true, value: 'always' });
		expect(parse('judge', 'ON')).toEqual({ ok: true, value: 'always' });
		expect(parse('judge', 'off')).toEqual({ ok: true, value: 'off' });
		expect(parse('judge-band', '0.2')).toEqual({ ok: true, value: 0.2 });
		expect(parse('judgeBand', '10%')).toEqual({ ok: true, value: 0.1 });
		expect(parse('memory', 'no')).toEqual({ ok: true, value: false });
		expect(parse('regenerate', 'off')).toEqual({ ok: true, value: false });
		expect(parse('default-character', 'pete')).toEqual({ ok: true, value: 'peter' });
		expect(parse('characters', 'Stewie, peter, Stewie')).toEqual({ ok: true, value: ['stewie', 'peter'] });
		expect(parse('characters', 'all')).toEqual({ ok: true, value: [] });
		expect(parse('blocklist', 'Beans, CANOE ,beans')).toEqual({ ok: true, value: ['beans', 'canoe'] });
		expect(parse('blocklist', 'none')).toEqual({ ok: true, value: [] });
		expect(parse('mode', 'Active')).toEqual({ ok: true, value: 'active' });
	});

	it('refuses bad values with the reason', () => {
		expect(parse('quality-threshold', '3')).toEqual({ ok: false, reason: 'must be a number from 0 to 1' });
		expect(parse('cooldown', '2.5')).toEqual({ ok: false, reason: 'must be a whole number from 0 to 3600 seconds' });
		expect(parse('temperature', 'hot')).toEqual({ ok: false, reason: 'must be a number from 0 to 2' });
		expect(parse('max-reply-length', '50')).toMatchObject({ ok: false });
		expect(parse('judge', 'maybe')).toEqual({ ok: false, reason: 'must be off, borderline or always' });
		expect(parse('judge-band', '1.5')).toEqual({ ok: false, reason: 'must be a number from 0 to 1' });
		expect(parse('default-character', 'lois')).toMatchObject({ ok: false, reason: expect.stringMatching(/loaded character/) });
		expect(parse('characters', 'peter, lois')).toMatchObject({ ok: false, reason: expect.stringMatching(/"lois"/) });
		expect(findConfigKey('colour')).toBeUndefined();
	});

	it('shows the judge mode, including the on/off booleans of audit entries written before it had modes', () => {
		const judge = findConfigKey('judge');
		expect([true, false, 'borderline'].map((value) => judge?.format(value, cast))).toEqual(['always', 'off', 'borderline']);
	});

	it('produces values the settings schema accepts, for every key', () => {
		for (const key of configKeys) {
			const parsed = key.parse(key.example, cast);
			expect(parsed.ok, key.name).toBe(true);
			if (parsed.ok) expect(settingsOverridesSchema.safeParse({ [key.setting]: parsed.value }).success, key.name).toBe(true);
		}
	});
});
