import type { PromptRegeneration } from '@charbot/characters';
import type { Attempt } from '@charbot/contracts';

/**
 * Turns rejected attempts into what the next prompt shows of them: each earlier reply and why quality control
 * rejected it, so the model (or the stronger escalation model) can avoid it. `buildCharacterPrompt` quotes them as
 * data in a `user` turn, never in a system message: they are model text, and the reasons may quote it.
 */
export function describeFailedAttempts(attempts: readonly Attempt[], escalating: boolean): PromptRegeneration | undefined {
	if (attempts.length === 0) return undefined;
	return { escalating, attempts: attempts.map(({ text, role, reasons }) => ({ text, role, reasons })) };
}
