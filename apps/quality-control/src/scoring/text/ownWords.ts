import { memoizeLast } from '../memo/memoizeLast.js';
import { normalizeReply } from './normalizeReply.js';
import { withoutQuotes } from './withoutQuotes.js';

/**
 * The words a reply says in its own voice: normalized, with what it quotes taken out ("the robot lady goes \"Is
 * there anything else I can help you with\""). A reply that is nothing but a quotation is read whole, since a model
 * often wraps its entire answer in quotes.
 */
export const ownWords: (reply: string) => string = memoizeLast((reply) => {
	const normalized = normalizeReply(reply);
	const outside = withoutQuotes(normalized);
	return (outside.match(/[\p{L}\p{N}]+/gu) ?? []).length >= 3 ? outside : normalized;
});
