import type { Persona } from '@charbot/characters';

/** A persona's voice: its catchphrases and the phrases its speech style quotes ("you insufferable oaf", "wicked"). */
export function voiceOf(persona: Pick<Persona, 'catchphrases' | 'speechStyle'>): string[] {
	const quoted = [...(persona.speechStyle ?? '').matchAll(/["“]([^"”]{2,80})["”]/gu)].map((match) => match[1] ?? '');
	return [...new Set([...persona.catchphrases, ...quoted].map((phrase) => phrase.trim()).filter((phrase) => phrase !== ''))];
}
