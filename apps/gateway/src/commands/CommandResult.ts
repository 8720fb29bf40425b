import type { APIEmbed } from 'discord.js';

/** What a command's work came to; the interaction runner shows it. */
export type CommandResult =
	/** Replaces the deferred reply. */
	| { readonly kind: 'reply'; readonly content: string; readonly embeds?: readonly APIEmbed[] }
	/** Nothing was done, and why; shown to the member alone. */
	| { readonly kind: 'refused'; readonly content: string }
	/** Answered later by someone else (quality control fills in `/ask`'s deferred reply). */
	| { readonly kind: 'pending' };

/** A {@link CommandResult} that replaces the deferred reply. */
export function reply(content: string, embeds?: readonly APIEmbed[]): CommandResult {
	return embeds === undefined ? { kind: 'reply', content } : { kind: 'reply', content, embeds };
}

/** A {@link CommandResult} that refuses, shown to the member alone. */
export function refuse(content: string): CommandResult {
	return { kind: 'refused', content };
}
