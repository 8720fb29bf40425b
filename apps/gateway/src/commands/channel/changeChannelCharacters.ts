/** The outcome of {@link changeChannelCharacters}: the new list, or why nothing changes. */
export type ChannelCharactersChange =
	{ readonly ok: true; readonly characters: string[] } | { readonly ok: false; readonly reason: 'already' | 'absent' | 'last' };

/**
 * Adds or removes a character from a channel's allowed list, where an empty list means every character. Adding to
 * "every character" starts a list of one; removing from it lists all the others; removing the last one is refused,
 * since an empty list would let everyone back in (`/channel mode off` silences a channel).
 */
export function changeChannelCharacters(
	current: readonly string[],
	everyone: readonly string[],
	action: 'add' | 'remove',
	characterId: string,
): ChannelCharactersChange {
	const allowed = current.length === 0 ? [...everyone] : [...current];
	if (action === 'add') {
		if (current.length > 0 && current.includes(characterId)) return { ok: false, reason: 'already' };
		return { ok: true, characters: current.length === 0 ? [characterId] : [...current, characterId] };
	}
	if (!allowed.includes(characterId)) return { ok: false, reason: 'absent' };
	const remaining = allowed.filter((id) => id !== characterId);
	return remaining.length === 0 ? { ok: false, reason: 'last' } : { ok: true, characters: remaining };
}
