import type { ComponentIssues } from './ComponentIssues.js';
import { ComponentLimits, ComponentType } from './ComponentLimits.js';
import { normalizeComponentEmoji } from './normalizeComponentEmoji.js';

const defaultValueTypes: Readonly<Record<number, readonly string[]>> = {
	[ComponentType.UserSelect]: ['user'],
	[ComponentType.RoleSelect]: ['role'],
	[ComponentType.MentionableSelect]: ['user', 'role'],
	[ComponentType.ChannelSelect]: ['channel'],
};

/** Checks a select menu (types 3, 5-8) as Discord does and returns it as Discord echoes it (with `min_values`/`max_values` filled in), without its numeric `id`. */
export function normalizeSelectMenu(issues: ComponentIssues, path: string, menu: Record<string, unknown>, type: number): Record<string, unknown> {
	if (menu.custom_id === undefined || menu.custom_id === null) issues.required(`${path}.custom_id`);
	const customId = issues.optionalString(`${path}.custom_id`, menu.custom_id, ComponentLimits.customId, 1);
	const placeholder = issues.optionalString(`${path}.placeholder`, menu.placeholder, ComponentLimits.selectPlaceholder);
	const minValues = issues.optionalInteger(`${path}.min_values`, menu.min_values, 0, ComponentLimits.selectValues) ?? 1;
	const maxValues = issues.optionalInteger(`${path}.max_values`, menu.max_values, 1, ComponentLimits.selectValues) ?? 1;
	const disabled = issues.optionalBoolean(`${path}.disabled`, menu.disabled);
	if (minValues > maxValues) issues.add(`${path}.min_values`, 'NUMBER_TYPE_MAX', `int value should be less than or equal to ${maxValues}.`);
	const body: Record<string, unknown> = {
		type,
		custom_id: customId ?? '',
		...(placeholder === undefined ? {} : { placeholder }),
		min_values: minValues,
		max_values: maxValues,
		...(disabled === undefined ? {} : { disabled }),
	};
	if (type === ComponentType.StringSelect) body.options = normalizeOptions(issues, `${path}.options`, menu.options, maxValues);
	else {
		const defaults = normalizeDefaultValues(issues, `${path}.default_values`, menu.default_values, defaultValueTypes[type] ?? []);
		if (defaults) body.default_values = defaults;
		if (type === ComponentType.ChannelSelect && Array.isArray(menu.channel_types)) body.channel_types = menu.channel_types;
	}
	return body;
}

function normalizeOptions(issues: ComponentIssues, path: string, raw: unknown, maxValues: number): Record<string, unknown>[] {
	if (!Array.isArray(raw) || raw.length < 1 || raw.length > ComponentLimits.selectOptions) {
		issues.add(path, 'BASE_TYPE_BAD_LENGTH', `Must be between 1 and ${ComponentLimits.selectOptions} in length.`);
		return [];
	}
	if (maxValues > raw.length) issues.add(path, 'BASE_TYPE_MIN_LENGTH', `Must be ${maxValues} or more in length.`);
	const seen = new Set<string>();
	let defaults = 0;
	const options = raw.flatMap((entry: unknown, index) => {
		const at = `${path}.${index}`;
		const option = issues.object(at, entry);
		if (!option) return [];
		for (const field of ['label', 'value'] as const) if (option[field] === undefined || option[field] === null) issues.required(`${at}.${field}`);
		const label = issues.optionalString(`${at}.label`, option.label, ComponentLimits.selectOptionText, 1);
		const value = issues.optionalString(`${at}.value`, option.value, ComponentLimits.selectOptionText, 1);
		const description = issues.optionalString(`${at}.description`, option.description, ComponentLimits.selectOptionText);
		const emoji = normalizeComponentEmoji(issues, `${at}.emoji`, option.emoji);
		const isDefault = issues.optionalBoolean(`${at}.default`, option.default);
		if (value !== undefined && seen.has(value)) issues.add(`${at}.value`, 'SELECT_COMPONENT_OPTION_VALUE_DUPLICATED', 'Select option values must be unique');
		if (value !== undefined) seen.add(value);
		if (isDefault) defaults += 1;
		return [
			{
				label: label ?? '',
				value: value ?? '',
				...(description === undefined ? {} : { description }),
				...(emoji === undefined ? {} : { emoji }),
				...(isDefault === undefined ? {} : { default: isDefault }),
			},
		];
	});
	if (defaults > maxValues) issues.add(path, 'SELECT_COMPONENT_TOO_MANY_DEFAULT_VALUES', `Select components can have at most ${maxValues} default values`);
	return options;
}

function normalizeDefaultValues(issues: ComponentIssues, path: string, raw: unknown, types: readonly string[]): Record<string, unknown>[] | undefined {
	if (raw === undefined || raw === null) return undefined;
	if (!Array.isArray(raw) || raw.length > ComponentLimits.selectValues) {
		issues.tooLong(path, ComponentLimits.selectValues);
		return undefined;
	}
	return raw.flatMap((entry: unknown, index) => {
		const value = issues.object(`${path}.${index}`, entry);
		if (!value) return [];
		const id = value.id === undefined || value.id === null ? '' : String(value.id);
		if (!/^\d{17,20}$/.test(id)) issues.add(`${path}.${index}.id`, 'NUMBER_TYPE_COERCE', `Value "${id}" is not snowflake.`);
		if (typeof value.type !== 'string' || !types.includes(value.type)) {
			issues.add(`${path}.${index}.type`, 'ENUM_TYPE_COERCE', `Value "${String(value.type)}" is not a valid enum value.`);
		}
		return [{ id, type: value.type }];
	});
}
