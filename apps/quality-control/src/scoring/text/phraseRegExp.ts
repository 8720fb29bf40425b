import { phrasePattern } from '@charbot/characters';
import { memoizeByContent } from '../memo/memoizeByContent.js';

/** A pattern finding the phrase as whole words in any letter case (see `phrasePattern`), compiled once per phrase. */
export const phraseRegExp: (phrase: string) => RegExp = memoizeByContent((phrase: string) => new RegExp(phrasePattern(phrase), 'iu'), 1024);
