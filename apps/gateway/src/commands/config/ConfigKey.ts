import type { Persona } from '@charbot/characters';
import type { ChannelSettingName, ChannelSettings } from '@charbot/stores';

/** A parsed `/config set` value, or the reason it is refused. */
export type ParsedValue<Value> = { readonly ok: true; readonly value: Value } | { readonly ok: false; readonly reason: string };

/** One key of `/config set`: its name in Discord, the setting it writes, and how its text value is read and shown. */
export interface ConfigKey<Name extends ChannelSettingName = ChannelSettingName> {
	/** What admins type, e.g. `quality-threshold`. */
	readonly name: string;
	readonly setting: Name;
	/** One line for autocomplete and `/config show`. */
	readonly description: string;
	/** A valid value, shown when a value is refused. */
	readonly example: string;
	/** Reads the value typed in Discord. */
	parse(raw: string, characters: readonly Persona[]): ParsedValue<ChannelSettings[Name]>;
	/** Shows a value (unknown: it may come from an audit entry). */
	format(value: unknown, characters: readonly Persona[]): string;
	/** Values to offer while the admin types one; in-memory only. */
	suggest(characters: readonly Persona[]): readonly string[];
}
