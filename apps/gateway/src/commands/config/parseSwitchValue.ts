import type { ParsedValue } from './ConfigKey.js';

/** Reads on/off (also true/false, yes/no, enable(d)/disable(d), 1/0). */
export function parseSwitchValue(raw: string): ParsedValue<boolean> {
	const text = raw.trim().toLowerCase();
	if (['on', 'true', 'yes', 'enable', 'enabled', '1'].includes(text)) return { ok: true, value: true };
	if (['off', 'false', 'no', 'disable', 'disabled', '0'].includes(text)) return { ok: true, value: false };
	return { ok: false, reason: 'must be on or off' };
}
