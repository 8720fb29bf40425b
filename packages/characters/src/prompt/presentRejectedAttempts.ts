import { type ChatMessage, truncateText } from '@charbot/core';
import { neutralizeTemplateTokens } from './neutralizeTemplateTokens.js';
import { PromptTexts } from './promptTexts.js';
import type { PromptRegeneration } from './RejectedAttempt.js';

/** How much of the rejected attempts a prompt shows: the latest ones, each reply and reason shortened. */
export const RejectedAttemptLimits = { attempts: 3, text: 400, reasons: 4, reason: 200, role: 20 } as const;

/**
 * A regeneration as two messages: a `user` turn quoting the rejected replies and the reasons (each a JSON string, template
 * tokens defused, so none of it can pose as an instruction or a turn), and the `system` message of our own wording that
 * asks for a new reply. Nothing a member or a model wrote reaches the system message.
 */
export function presentRejectedAttempts(regeneration: PromptRegeneration): { notes: ChatMessage; instruction: ChatMessage } | undefined {
	const { attempts } = regeneration;
	if (attempts.length === 0) return undefined;
	const first = Math.max(0, attempts.length - RejectedAttemptLimits.attempts);
	const lines = attempts.slice(first).flatMap((attempt, index) => {
		const shown = attempt.reasons.slice(0, RejectedAttemptLimits.reasons).map((reason) => quoted(reason, RejectedAttemptLimits.reason));
		const reasons = shown.length > 0 ? shown.join('; ') : 'no reason recorded';
		const role =
			neutralizeTemplateTokens(attempt.role)
				.replace(/[^\p{L}\p{N}_-]/gu, '')
				.slice(0, RejectedAttemptLimits.role) || 'unknown';
		return [
			fill(PromptTexts.rejectedAttempt, { number: String(first + index + 1), role, reasons }),
			fill(PromptTexts.rejectedText, { text: quoted(attempt.text, RejectedAttemptLimits.text) }),
		];
	});
	const instruction = regeneration.escalating ? fill(PromptTexts.escalate, { count: String(attempts.length) }) : PromptTexts.regenerate;
	return {
		notes: { role: 'user', content: [PromptTexts.rejectedNotesHeading, ...lines].join('\n') },
		instruction: { role: 'system', content: instruction },
	};
}

/** Untrusted text as one JSON string: neutralized first (NFKC could otherwise make a quote), then cut to `limit`. */
function quoted(text: string, limit: number): string {
	return JSON.stringify(truncateText(neutralizeTemplateTokens(text.trim()), limit));
}

function fill(template: string, values: Readonly<Record<string, string>>): string {
	return template.replace(/\{(\w+)\}/gu, (placeholder, key: string) => values[key] ?? placeholder);
}
