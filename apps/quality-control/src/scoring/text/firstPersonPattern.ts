import { fastWordBoundaries } from './fastWordBoundaries.js';

const firstPersonWords = String.raw`I|I'm|I've|I'll|I'd|me|my|mine|myself|we|we're|we've|us|our|ours`;

/** First-person words: the speaker talking of itself. */
export const firstPersonOnlyPattern = fastWordBoundaries(new RegExp(String.raw`\b(?:${firstPersonWords})\b`, 'iu'));

/** First- or second-person words: a speaker talking, not a narrator describing. */
export const firstPersonPattern = fastWordBoundaries(new RegExp(String.raw`\b(?:${firstPersonWords}|you|you're|you've|you'll|your|yours|ya|y'all)\b`, 'iu'));
