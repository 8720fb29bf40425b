import type { ComponentIssues } from './ComponentIssues.js';
import { ComponentLimits } from './ComponentLimits.js';

/** Checks a button's or option's `emoji` and returns it as Discord echoes it: `{ name }` for unicode, `{ id, name, animated }` for custom. */
export function normalizeComponentEmoji(issues: ComponentIssues, path: string, raw: unknown): Record<string, unknown> | undefined {
	if (raw === undefined || raw === null) return undefined;
	const emoji = issues.object(path, raw);
	if (!emoji) return undefined;
	const id = emoji.id === undefined || emoji.id === null ? null : String(emoji.id);
	if (id !== null && !/^\d{17,20}$/.test(id)) issues.add(`${path}.id`, 'NUMBER_TYPE_COERCE', `Value "${id}" is not snowflake.`);
	const name = issues.optionalString(`${path}.name`, emoji.name, ComponentLimits.emojiName);
	if (name === undefined && id === null) {
		issues.required(`${path}.name`);
		return undefined;
	}
	const animated = issues.optionalBoolean(`${path}.animated`, emoji.animated);
	if (id === null) return { name };
	return { id, name: name ?? '', animated: animated ?? false };
}
