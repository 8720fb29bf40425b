import type { NamedCharacter } from '@charbot/characters';

const invisible = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/gu;

const normalise = (name: string) => name.normalize('NFKC').replace(invisible, '').replace(/\s+/gu, ' ').trim().toLocaleLowerCase();

/** The character whose display name or alias is `name` (ignoring case, spacing and invisible characters), if exactly one. */
export function matchCharacterByName(name: string, characters: readonly NamedCharacter[]): string | undefined {
	const wanted = normalise(name);
	if (wanted === '') return undefined;
	const matches = characters.filter((character) => [character.displayName, ...character.aliases].some((candidate) => normalise(candidate) === wanted));
	return matches.length === 1 ? matches[0]?.id : undefined;
}
