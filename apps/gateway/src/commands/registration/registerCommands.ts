import { type REST, type RESTPostAPIChatInputApplicationCommandsJSONBody, Routes } from 'discord.js';
import { sameCommands } from './sameCommands.js';

/** Where commands are registered: everywhere (global), or one guild, which updates at once (development). */
export interface CommandScope {
	readonly applicationId: string;
	readonly guildId?: string | undefined;
}

/** What {@link registerCommands} did. */
export interface RegistrationResult {
	/** False when Discord already had exactly these commands, so nothing was written. */
	readonly changed: boolean;
	readonly count: number;
	readonly scope: 'global' | 'guild';
}

/**
 * Registers `commands` with one bulk overwrite (`PUT`), but only when Discord's list (`GET`) differs: cheap and
 * idempotent, so every gateway start may call it. `force` overwrites regardless.
 */
export async function registerCommands(
	rest: REST,
	scope: CommandScope,
	commands: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
	options: { readonly force?: boolean } = {},
): Promise<RegistrationResult> {
	const route =
		scope.guildId === undefined ? Routes.applicationCommands(scope.applicationId) : Routes.applicationGuildCommands(scope.applicationId, scope.guildId);
	const result = { count: commands.length, scope: scope.guildId === undefined ? 'global' : 'guild' } as const;
	if (!options.force) {
		const existing = await rest.get(route);
		if (Array.isArray(existing) && sameCommands(existing, commands)) return { ...result, changed: false };
	}
	await rest.put(route, { body: commands });
	return { ...result, changed: true };
}
