import type { Finding } from './Finding.js';
import { quoteExcerpt } from './quoteExcerpt.js';
import type { ScoreInput } from './ScoreInput.js';
import { fastWordBoundaries } from './text/fastWordBoundaries.js';

const linkPattern = fastWordBoundaries(/\bhttps?:\/\/[^\s<>]+|\bwww\.[^\s<>]+\.[^\s<>]+|\bdiscord(?:\.gg|(?:app)?\.com\/invite)\/[^\s<>]+/iu);

/** Links, unless the options allow them: a model inventing URLs is a risk to members. */
export function findLinks(input: ScoreInput): Finding[] {
	if (input.options.allowLinks) return [];
	const match = linkPattern.exec(input.reply);
	if (match === null) return [];
	return [{ kind: 'link', reason: `Reply contains a link (${quoteExcerpt(match[0], 50)}); links are not allowed here`, penalty: 0.6, hard: false }];
}
