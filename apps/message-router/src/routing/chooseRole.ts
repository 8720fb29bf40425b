import type { Persona } from '@charbot/characters';

/** The LLM role for an attempt: the persona's (default `chat`) until `maxAttempts` failed, then `escalation`. */
export function chooseRole(persona: Persona, failedAttempts: number, maxAttempts: number): string {
	return failedAttempts >= maxAttempts ? 'escalation' : (persona.modelRole ?? 'chat');
}
