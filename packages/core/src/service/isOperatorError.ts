import { ConfigError } from '../config/ConfigError.js';
import { StartupError } from './StartupError.js';

/** Whether a failure is the operator's to fix (a setting, a token): said in a sentence, since a stack would not help. */
export function isOperatorError(error: unknown): error is ConfigError | StartupError {
	return error instanceof ConfigError || error instanceof StartupError;
}
