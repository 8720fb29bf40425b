import { labelEnd, labelStart } from '../scoring/text/speakerLabelParts.js';
import { namesPattern } from '../scoring/text/namesPattern.js';

/** Removes the character's own speaker label from the start ("Peter Griffin: ", "**Stewie:** "), as review finds it. */
export function stripOwnLabel(text: string, ownNames: readonly string[]): string {
	const label = new RegExp(`${labelStart}(?:${namesPattern(ownNames)})${labelEnd}[ \t*_]*`, 'iu');
	return text.trimStart().replace(label, '');
}
