import { scrubSecrets } from '../logging/scrubSecrets.js';
import { isOperatorError } from './isOperatorError.js';

/** A failure as text for a command's last line: the sentence of an operator's error, the stack of anything else; never a secret. */
export function describeFailure(error: unknown): string {
	const text = isOperatorError(error) ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
	return scrubSecrets(text);
}
