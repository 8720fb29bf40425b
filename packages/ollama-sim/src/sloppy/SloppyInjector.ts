import type { Random } from '../text/createRandom.js';
import type { SloppyPromptFacts } from './SloppyPromptFacts.js';
import type { SloppyText } from './SloppyText.js';

/** Puts one kind of failure into a reply, choosing among its templates with `random`. */
export type SloppyInjector = (reply: string, facts: SloppyPromptFacts, random: Random) => Omit<SloppyText, 'kind'>;
