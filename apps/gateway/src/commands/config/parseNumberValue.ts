import type { ParsedValue } from './ConfigKey.js';

/** The range and form a number setting accepts. */
export interface NumberRule {
	readonly min: number;
	readonly max: number;
	readonly integer?: boolean;
	/** Shown after the range, e.g. `seconds`. */
	readonly unit?: string;
	/** Accept `70%` for 0.7. */
	readonly percentAllowed?: boolean;
}

/** Reads a number typed in Discord and checks its range: `"0.7"`, `"5s"` for seconds, `"70%"` where allowed. */
export function parseNumberValue(raw: string, rule: NumberRule): ParsedValue<number> {
	const expected = `must be ${rule.integer ? 'a whole number' : 'a number'} from ${rule.min} to ${rule.max}${rule.unit ? ` ${rule.unit}` : ''}`;
	let text = raw.trim().toLowerCase();
	let scale = 1;
	if (rule.percentAllowed && text.endsWith('%')) {
		text = text.slice(0, -1).trim();
		scale = 0.01;
	} else if (rule.unit === 'seconds' && /^\d+(?:\.\d+)?\s*(?:s|sec|secs|seconds?)$/u.test(text)) {
		text = text.replace(/\s*[a-z]+$/u, '');
	}
	if (!/^-?(?:\d+(?:\.\d*)?|\.\d+)$/u.test(text)) return { ok: false, reason: expected };
	const value = Number(text) * scale;
	if (!Number.isFinite(value) || value < rule.min || value > rule.max || (rule.integer && !Number.isInteger(value))) return { ok: false, reason: expected };
	return { ok: true, value: Math.round(value * 1e6) / 1e6 };
}
