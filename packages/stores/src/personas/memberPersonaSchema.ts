import { z } from 'zod';

/** Limits of a member's own persona. */
export const MemberPersonaLimits = { name: 32, description: 600 } as const;

// Discord mention syntax (users, roles, channels, commands) and the mass mentions: a persona is quoted back to members
// and put in prompts, so it must never carry a ping or let a character learn to repeat one.
const mentionPattern = /@(?:everyone|here)\b|<@[!&]?\d+>|<#\d+>|<\/[^>]+:\d+>/iu;
// Persona macros and chat-template tokens: a member's text is data, never something to expand or a turn boundary.
const templatePattern = /\{\{|\}\}|<\|[^|]*\|>|\[\/?INST\]|<\/?s>/iu;
// Letters, marks, digits, spaces and a little punctuation: a name reads as a name, not as markup or a speaker label.
const namePattern = /^[\p{L}\p{M}\p{N} .'’\-_!?&()]+$/u;

const countChars = (text: string) => Array.from(text).length;

/** What a member may set with `/persona set`: a name (1-32 characters) and an optional description (at most 600). */
export const memberPersonaInputSchema = z.object({
	name: z
		.string()
		.transform((name) => name.normalize('NFKC').replace(/\s+/gu, ' ').trim())
		.refine((name) => name !== '', 'must not be empty')
		.refine((name) => countChars(name) <= MemberPersonaLimits.name, `must be at most ${MemberPersonaLimits.name} characters`)
		.refine((name) => namePattern.test(name), "may only hold letters, digits, spaces and . ' - _ ! ? & ( )"),
	description: z
		.string()
		.transform((text) => text.replace(/\r\n?/gu, '\n').trim())
		.refine((text) => text !== '', 'must not be empty')
		.refine((text) => countChars(text) <= MemberPersonaLimits.description, `must be at most ${MemberPersonaLimits.description} characters`)
		.refine((text) => !mentionPattern.test(text), 'must not mention anyone (@everyone, @here, members, roles or channels)')
		.refine((text) => !templatePattern.test(text), 'must not hold template markers such as {{ }} or <|...|>')
		.optional(),
});

/** A member's persona as stored: what they set, and when. */
export const memberPersonaSchema = z.object({
	name: z.string().min(1).max(200),
	description: z.string().min(1).max(4000).optional(),
	updatedAt: z.number().int().nonnegative(),
});

/** What a member typed for `/persona set`, before validation. */
export type MemberPersonaInput = z.input<typeof memberPersonaInputSchema>;
/** A stored member persona. */
export type MemberPersona = z.output<typeof memberPersonaSchema>;
