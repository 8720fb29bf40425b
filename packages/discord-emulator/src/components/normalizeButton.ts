import type { ComponentIssues } from './ComponentIssues.js';
import { ButtonStyle, ComponentLimits } from './ComponentLimits.js';
import { normalizeComponentEmoji } from './normalizeComponentEmoji.js';

const urlSchemes = ['http:', 'https:', 'discord:'];

/** Checks a button (type 2) as Discord does and returns it as Discord echoes it, without its numeric `id`. */
export function normalizeButton(issues: ComponentIssues, path: string, button: Record<string, unknown>): Record<string, unknown> {
	const style = issues.optionalInteger(`${path}.style`, button.style, ButtonStyle.Primary, ButtonStyle.Premium);
	if (button.style === undefined || button.style === null) issues.required(`${path}.style`);
	const label = issues.optionalString(`${path}.label`, button.label, ComponentLimits.buttonLabel);
	const emoji = normalizeComponentEmoji(issues, `${path}.emoji`, button.emoji);
	const customId = issues.optionalString(`${path}.custom_id`, button.custom_id, ComponentLimits.customId, 1);
	const url = issues.optionalString(`${path}.url`, button.url, ComponentLimits.buttonUrl);
	const disabled = issues.optionalBoolean(`${path}.disabled`, button.disabled);
	const skuId = button.sku_id === undefined || button.sku_id === null ? undefined : String(button.sku_id);

	if (style === ButtonStyle.Link) {
		if (url === undefined && (button.url === undefined || button.url === null)) issues.add(`${path}.url`, 'BUTTON_COMPONENT_URL_REQUIRED', 'A url is required');
		if (url !== undefined) checkUrl(issues, `${path}.url`, url);
	} else if (style === ButtonStyle.Premium) {
		if (skuId === undefined) issues.add(`${path}.sku_id`, 'BUTTON_COMPONENT_SKU_ID_REQUIRED', 'A sku id is required');
	} else if (style !== undefined && (button.custom_id === undefined || button.custom_id === null)) {
		issues.add(`${path}.custom_id`, 'BUTTON_COMPONENT_CUSTOM_ID_REQUIRED', 'A custom id is required');
	}
	if (style !== undefined && style !== ButtonStyle.Link && button.url !== undefined && button.url !== null) {
		issues.add(`${path}.url`, 'BUTTON_COMPONENT_URL_NOT_ALLOWED', 'A url can only be set on link buttons');
	}
	if ((style === ButtonStyle.Link || style === ButtonStyle.Premium) && button.custom_id !== undefined && button.custom_id !== null) {
		issues.add(`${path}.custom_id`, 'BUTTON_COMPONENT_CUSTOM_ID_URL_MUTUALLY_EXCLUSIVE', 'A custom id and url cannot both be specified');
	}
	return {
		type: 2,
		style: style ?? ButtonStyle.Primary,
		...(label === undefined ? {} : { label }),
		...(emoji === undefined ? {} : { emoji }),
		...(customId === undefined || style === ButtonStyle.Link ? {} : { custom_id: customId }),
		...(url === undefined || style !== ButtonStyle.Link ? {} : { url }),
		...(skuId === undefined ? {} : { sku_id: skuId }),
		...(disabled === undefined ? {} : { disabled }),
	};
}

function checkUrl(issues: ComponentIssues, path: string, url: string): void {
	let protocol: string;
	try {
		protocol = new URL(url).protocol;
	} catch {
		issues.add(path, 'URL_TYPE_INVALID_URL', 'Not a well formed URL.');
		return;
	}
	if (!urlSchemes.includes(protocol)) {
		issues.add(path, 'URL_TYPE_INVALID_SCHEME', `Scheme "${protocol.slice(0, -1)}" is not supported. Scheme must be one of ('http', 'https', 'discord').`);
	}
}
