import { namesPattern } from '../scoring/text/namesPattern.js';

/** Removes the character's own speaker label from the start ("Peter Griffin: ", "**Stewie:** "). */
export function stripOwnLabel(text: string, ownNames: readonly string[]): string {
	const label = new RegExp(String.raw`^[ \t>*_~\-•]*\[?[ \t*_]*(?:${namesPattern(ownNames)})[ \t*_]*\]?[ \t*_]*(?:\([^)\n]{0,40}\))?[ \t]*:[ \t*_]*`, 'iu');
	return text.trimStart().replace(label, '');
}
