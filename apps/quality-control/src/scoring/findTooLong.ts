import type { Finding } from './Finding.js';
import type { ScoreInput } from './ScoreInput.js';

/** A reply far over the channel's `maxReplyChars` (by `longReplyFactor`; delivery splits anything shorter). */
export function findTooLong(input: ScoreInput): Finding[] {
	const length = input.reply.trim().length;
	const limit = Math.round(input.settings.maxReplyChars * input.options.longReplyFactor);
	if (length <= limit) return [];
	return [
		{
			kind: 'too-long',
			reason: `Reply is too long (${length} characters); keep it under ${input.settings.maxReplyChars}`,
			penalty: 0.5,
			hard: false,
		},
	];
}
