import type { FieldError } from '../errors/DiscordApiFailure.js';
import { countCharacters } from './countCharacters.js';

const forbiddenSubstrings = ['discord', 'clyde'] as const;
const forbiddenNames = ['everyone', 'here'] as const;

/** Checks a webhook name or username override against Discord's rules; returns the field error, or null when valid. */
export function validateWebhookName(name: unknown): FieldError | null {
	if (typeof name !== 'string') return { code: 'BASE_TYPE_STRING', message: 'Must be a valid string.' };
	const trimmed = name.trim();
	if (trimmed.length < 1 || countCharacters(trimmed) > 80) return { code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 80 in length.' };
	const lower = trimmed.toLowerCase();
	const contained = forbiddenSubstrings.find((word) => lower.includes(word));
	if (contained) return { code: 'USERNAME_INVALID_CONTAINS', message: `Username cannot contain "${contained}"` };
	const exact = forbiddenNames.find((word) => lower === word);
	if (exact) return { code: 'USERNAME_INVALID', message: `Username cannot be "${exact}"` };
	return null;
}
