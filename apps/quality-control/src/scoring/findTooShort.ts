import type { Finding } from './Finding.js';
import type { ScoreInput } from './ScoreInput.js';

/** An empty reply is a hard fail; one with no words or fewer than `minChars` visible characters is too short. */
export function findTooShort(input: ScoreInput): Finding[] {
	const visible = Array.from(input.reply.replace(/\s+/gu, ''));
	if (visible.length === 0) return [{ kind: 'empty', reason: 'Reply is empty', penalty: 1, hard: true }];
	if (!/[\p{L}\p{N}]/u.test(input.reply)) return [{ kind: 'too-short', reason: 'Reply has no words, only symbols', penalty: 0.6, hard: false }];
	if (visible.length < input.options.minChars)
		return [{ kind: 'too-short', reason: `Reply is too short (${visible.length} characters); say something in character`, penalty: 0.6, hard: false }];
	return [];
}
