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

/** Renders `.env.example`: every setting commented out with its default or example. */
export function renderEnvExample(): string {
	const lines = ['# charbot settings. Copy to .env and uncomment what you change; `npm run docs:config` regenerates this file.', ''];
	for (const setting of describeSettings()) {
		lines.push(`# ${setting.description.replace(/`/g, '')}`);
		lines.push(`# ${setting.name}=${setting.defaultValue ?? setting.example}`);
		lines.push('');
	}
	return lines.join('\n');
}
