import { type JudgeMode, judgeModeSchema } from '@charbot/stores';
import type { ParsedValue } from './ConfigKey.js';
import { parseSwitchValue } from './parseSwitchValue.js';

/** Reads off, borderline or always; the on/off words of the switch it used to be still work (on is always). */
export function parseJudgeModeValue(raw: string): ParsedValue<JudgeMode> {
	const mode = judgeModeSchema.safeParse(raw.trim().toLowerCase());
	if (mode.success) return { ok: true, value: mode.data };
	const legacy = parseSwitchValue(raw);
	return legacy.ok ? { ok: true, value: legacy.value ? 'always' : 'off' } : { ok: false, reason: 'must be off, borderline or always' };
}
