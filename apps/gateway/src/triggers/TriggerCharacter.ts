import type { Persona } from '@charbot/characters';

/** What trigger decisions need of a persona: its names and how chatty it is. */
export type TriggerCharacter = Pick<Persona, 'id' | 'displayName' | 'aliases' | 'talkativeness'>;
