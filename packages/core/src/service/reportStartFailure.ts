import type { Logger } from '../logging/createLogger.js';
import { isOperatorError } from './isOperatorError.js';

/** Logs why a process could not start as one fatal line; the error (with its stack) is attached unless the operator's to fix. */
export function reportStartFailure(logger: Logger, name: string, error: unknown): void {
	const message = `${name} could not start: ${error instanceof Error ? error.message : String(error)}`;
	if (isOperatorError(error)) logger.fatal(message);
	else logger.fatal({ err: error }, message);
}
