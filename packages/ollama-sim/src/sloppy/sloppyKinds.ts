/**
 * The failures of small chat models the simulator can put into a reply; the package README shows each.
 * The first five wrap the reply (see {@link removableSloppyKinds}); the others replace or ruin it.
 */
export const sloppyKinds = [
	'assistant-frame',
	'ooc-note',
	'template-tokens',
	'own-label',
	'mass-mention',
	'disclaimer',
	'refusal',
	'script',
	'assistant-format',
	'loop',
	'wiki-voice',
	'prompt-echo',
] as const;

/** One sloppy failure. */
export type SloppyKind = (typeof sloppyKinds)[number];

/** Kinds that only add text around an intact reply, so quality control can strip them and post the rest. */
export const removableSloppyKinds: readonly SloppyKind[] = ['assistant-frame', 'ooc-note', 'template-tokens', 'own-label', 'mass-mention'];
