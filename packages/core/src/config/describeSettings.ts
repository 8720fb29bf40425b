import { type SettingDefinition, type SettingName, settingDefinitions } from './settingDefinitions.js';

/** One row of the configuration reference. */
export interface SettingDescription {
	readonly name: SettingName;
	readonly description: string;
	readonly example: string;
	readonly defaultValue: string | undefined;
	readonly secret: boolean;
}

/** Lists every setting with its default, for the README table and `.env.example`. */
export function describeSettings(): SettingDescription[] {
	return (Object.entries(settingDefinitions) as [SettingName, SettingDefinition][]).map(([name, definition]) => {
		const result = definition.schema.safeParse(undefined);
		const defaultValue = result.success && result.data !== undefined ? String(result.data) : undefined;
		return { name, description: definition.description, example: definition.example, defaultValue, secret: definition.secret === true };
	});
}

/** Renders the settings as the Markdown table kept in the README. */
export function renderSettingsTable(): string {
	const rows = describeSettings().map(
		(setting) =>
			`| \`${setting.name}\` | ${setting.defaultValue === undefined ? '—' : `\`${setting.defaultValue}\``} | ${setting.description}${setting.secret ? ' Secret: never logged.' : ''} |`,
	);
	return ['| Variable | Default | Meaning |', '| --- | --- | --- |', ...rows].join('\n');
}
