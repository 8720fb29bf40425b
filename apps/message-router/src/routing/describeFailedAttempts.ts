import type { Attempt } from '@charbot/core';

/**
 * Turns rejected attempts into instructions for the next one: each earlier reply (shortened) and why
 * quality control rejected it, so the model — or the stronger escalation model — can avoid it.
 */
export function describeFailedAttempts(attempts: readonly Attempt[], escalating: boolean): string | undefined {
	if (attempts.length === 0) return undefined;
	const lines = attempts.map((attempt, index) => {
		const excerpt = attempt.text.length > 400 ? `${attempt.text.slice(0, 400)}…` : attempt.text;
		const reasons = attempt.reasons.length > 0 ? attempt.reasons.join('; ') : 'no reason recorded';
		return `Attempt ${index + 1} (${attempt.role} model) was rejected because: ${reasons}.\nIt read: ${JSON.stringify(excerpt)}`;
	});
	const opening = escalating
		? `Earlier replies to this message failed review ${attempts.length} times. You are the last attempt: answer the same message, fully in character, avoiding every problem below.`
		: 'Your previous reply to this message was rejected by quality control. Write a new one that fixes the problems below, fully in character.';
	return [opening, ...lines].join('\n\n');
}
