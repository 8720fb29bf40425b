import type { JudgeMode } from '@charbot/conversation';
import type { ParsedValue } from './ConfigKey.js';
import { parseSwitchValue } from './parseSwitchValue.js';

const modes: readonly JudgeMode[] = ['off', 'borderline', 'always'];

/** Reads off, borderline or always; the on/off words of the switch it used to be still work (on is always). */
export function parseJudgeModeValue(raw: string): ParsedValue<JudgeMode> {
	const text = raw.trim().toLowerCase();
	const mode = modes.find((candidate) => candidate === text);
	if (mode !== undefined) return { ok: true, value: mode };
	const legacy = parseSwitchValue(raw);
	return legacy.ok ? { ok: true, value: legacy.value ? 'always' : 'off' } : { ok: false, reason: 'must be off, borderline or always' };
}
