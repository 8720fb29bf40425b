import { describe, expect, it } from 'vitest';
import { parseDeployArgs } from './parseDeployArgs.js';

describe('parseDeployArgs', () => {
	it('reads global, guild, force and dry-run', () => {
		expect(parseDeployArgs([])).toEqual({ ok: true, args: { force: false, dryRun: false, help: false } });
		expect(parseDeployArgs(['--guild', '123456789012345678', '--force'])).toEqual({
			ok: true,
			args: { guildId: '123456789012345678', force: true, dryRun: false, help: false },
		});
		expect(parseDeployArgs(['--guild=123456789012345678', '--dry-run'])).toMatchObject({ ok: true, args: { guildId: '123456789012345678', dryRun: true } });
	});

	it('names a bad argument', () => {
		expect(parseDeployArgs(['--guild'])).toEqual({ ok: false, error: '--guild needs a server id (17-20 digits), got ""' });
		expect(parseDeployArgs(['--guild', 'general'])).toMatchObject({ ok: false, error: expect.stringMatching(/"general"/) });
		expect(parseDeployArgs(['--global'])).toEqual({ ok: false, error: 'unknown argument "--global"; see --help' });
	});
});
