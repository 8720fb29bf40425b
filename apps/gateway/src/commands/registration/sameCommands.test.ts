import { describe, expect, it } from 'vitest';
import { commandData } from '../allCommands.js';
import { sameCommands } from './sameCommands.js';

/** What Discord answers for a registered command: our fields plus ids, versions and defaults. */
function asDiscordReturns(command: Record<string, unknown>, index: number): Record<string, unknown> {
	return {
		id: `12345678901234567${index}`,
		application_id: '123456789012345678',
		version: '123456789012345679',
		name_localizations: null,
		description_localizations: null,
		dm_permission: true,
		integration_types: [0],
		nsfw: false,
		default_member_permissions: null,
		...command,
	};
}

describe('sameCommands', () => {
	const wanted = commandData() as unknown as Record<string, unknown>[];

	it('sees registered commands as the same despite Discord-added fields, order and defaults', () => {
		const existing = [...wanted].reverse().map(asDiscordReturns);
		expect(sameCommands(existing, wanted)).toBe(true);
	});

	it('sees a changed description, option, permission or a missing command', () => {
		const existing = wanted.map(asDiscordReturns);
		expect(sameCommands(existing.slice(1), wanted)).toBe(false);
		expect(sameCommands([{ ...existing[0], description: 'old' }, ...existing.slice(1)], wanted)).toBe(false);
		expect(sameCommands([{ ...existing[0], default_member_permissions: '8' }, ...existing.slice(1)], wanted)).toBe(false);
		expect(sameCommands([{ ...existing[0], options: [] }, ...existing.slice(1)], wanted)).toBe(false);
	});

	it('requires Manage Server by default for the settings commands only', () => {
		const permissions = Object.fromEntries(wanted.map((command) => [command.name, command.default_member_permissions ?? null]));
		expect(permissions).toEqual({ characters: null, channel: '32', config: '32', ask: null, stats: null, memory: null, persona: null, admin: '32' });
	});
});
